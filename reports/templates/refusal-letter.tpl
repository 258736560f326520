# Result template: a letter refusing to settle a dossier (văn bản từ chối giải quyết), with its reasons.
# One line per block, "kind: text"; "|" separates parts; {{name}} is a placeholder; **text** is bold.
name: Văn bản từ chối giải quyết hồ sơ
kind: refusal-letter
heading: Số: | {{document.number}}
title: THÔNG BÁO
subtitle: Về việc từ chối giải quyết hồ sơ {{procedure.name}}
field: Kính gửi: | **{{applicant.fullName}}**
field: Địa chỉ: | {{applicant.address}}
text: {{agency.name}} đã nhận hồ sơ số **{{dossier.code}}** ngày {{dossier.receivedDate}} đề nghị giải quyết thủ tục {{procedure.name}}.
text: Sau khi xem xét, {{agency.name}} không giải quyết hồ sơ của ông/bà vì lý do sau:
text: {{outcome.note}}
text: Ông/bà có quyền khiếu nại, khởi kiện theo quy định của pháp luật. Mọi thắc mắc xin liên hệ Bộ phận Một cửa để được hướng dẫn.
text: Mã hồ sơ: {{dossier.code}}; mã số giấy tờ: **{{document.identifier}}**.
signer: {{signer.position}}
recipient: - Như trên;
recipient: - Lưu: VT, một cửa.
