# Result template: household business registration certificate (Giấy chứng nhận đăng ký hộ kinh doanh).
# One line per block, "kind: text"; "|" separates parts; {{name}} is a placeholder; **text** is bold.
# Lines starting with # are comments. docs/result-templates.md lists every kind and placeholder.
name: Giấy chứng nhận đăng ký hộ kinh doanh
kind: household-business-certificate
heading: Số: | {{document.number}}
title: GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH
subtitle: Đăng ký lần đầu: {{document.dateInWords}}
field: 1. Tên hộ kinh doanh: | **{{form.businessName}}**
field: 2. Địa điểm kinh doanh: | {{form.businessAddress}}
field: 3. Ngành, nghề kinh doanh: | {{form.businessLine}}
field: 4. Vốn kinh doanh: | {{form.capital}} đồng
text: 5. Chủ hộ kinh doanh:
field: Họ và tên: | **{{applicant.fullName}}**
field: Số định danh cá nhân: | {{applicant.citizenId}}
field: Địa chỉ liên lạc: | {{applicant.address}}
field: Điện thoại: | {{applicant.phone}}
space: 4
text: Mã hồ sơ: {{dossier.code}}; mã số giấy tờ: **{{document.identifier}}**.
signer: TM. {{agency.name}} | CHỦ TỊCH
