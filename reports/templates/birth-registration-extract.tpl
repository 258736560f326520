# Result template: birth registration extract (Trích lục khai sinh), a civil-status extract.
# One line per block, "kind: text"; "|" separates parts; {{name}} is a placeholder; **text** is bold.
name: Trích lục khai sinh
kind: birth-registration-extract
heading: Số: | {{document.number}}
title: TRÍCH LỤC KHAI SINH
subtitle: (Bản chính)
field: Họ, chữ đệm, tên: | **{{form.childName}}**
field: Ngày, tháng, năm sinh: | {{form.childBirthDate}}
field: Giới tính: | {{form.childSex}}
field: Nơi sinh: | {{form.childBirthPlace}}
field: Họ, chữ đệm, tên người mẹ: | {{form.motherName}}
field: Họ, chữ đệm, tên người cha: | {{form.fatherName}}
field: Người đi đăng ký khai sinh: | {{applicant.fullName}}
field: Số định danh cá nhân của người đi đăng ký: | {{applicant.citizenId}}
field: Nơi đăng ký khai sinh: | {{agency.name}}
field: Ngày đăng ký: | {{document.dateInWords}}
text: Mã hồ sơ: {{dossier.code}}; mã số giấy tờ: **{{document.identifier}}**.
signer: NGƯỜI KÝ TRÍCH LỤC | {{signer.position}}
