# Result template: a generic decision (Quyết định) settling a dossier.
# One line per block, "kind: text"; "|" separates parts; {{name}} is a placeholder; **text** is bold.
name: Quyết định giải quyết thủ tục hành chính
kind: decision
heading: Số: | {{document.number}}/QĐ
title: QUYẾT ĐỊNH
subtitle: Về việc giải quyết thủ tục {{procedure.name}}
center: **{{signer.position}} {{agency.name}}**
text: Căn cứ Luật Tổ chức chính quyền địa phương;
text: Căn cứ Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông;
text: Xét hồ sơ số **{{dossier.code}}** của ông/bà {{applicant.fullName}} tiếp nhận ngày {{dossier.receivedDate}},
center: **QUYẾT ĐỊNH:**
text: **Điều 1.** Giải quyết thủ tục {{procedure.name}} cho ông/bà **{{applicant.fullName}}**, số định danh cá nhân {{applicant.citizenId}}, địa chỉ {{applicant.address}}. {{outcome.note}}
text: **Điều 2.** Quyết định này có hiệu lực kể từ ngày ký.
text: **Điều 3.** Ông/bà {{applicant.fullName}} và các cơ quan, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.
text: Thành phần hồ sơ đã xem xét:
table: STT 8% center | Tên giấy tờ | Hình thức 22% center | Số lượng 12% center
rows: documents | {{row.number}} | {{row.name}} | {{row.form}} | {{row.count}}
text: Mã số giấy tờ: **{{document.identifier}}** (xác thực bằng mã QR dưới đây).
signer: {{signer.position}}
recipient: - Như Điều 3;
recipient: - Lưu: VT, một cửa.
