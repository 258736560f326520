-- motcua-bench generate, step 2 (once per chunk): dossiers :first..:last and their history, with realistic names,
-- agencies, procedures, statuses and times over five years before :'now'. Run by scripts/bench.sh with psql -v.
-- Names: family names at their frequency in Vietnam (Nguyễn ≈ 38 %, Trần 11 %, Lê 9.5 %, …), a middle name by sex
-- (Văn, Thị, …), a second middle name for a third of them, and a given name: about 10^5 distinct names.
-- Statuses: a dossier older than 60 days is finished (returned 93 %, refused 3 %, stopped 4 %; 0.3 % still stuck
-- open); a recent one is at every step in the proportions a ward office sees.
BEGIN;
-- A bulk load of consistent rows: no per-row foreign-key checks or triggers (the dictionary of names is filled
-- below, as its trigger would).
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE bench_words ON COMMIT DROP AS
SELECT (SELECT array_agg(f) FROM (SELECT f FROM (VALUES ('Nguyễn', 76), ('Trần', 22), ('Lê', 19), ('Phạm', 14),
            ('Hoàng', 7), ('Huỳnh', 4), ('Phan', 9), ('Vũ', 4), ('Võ', 4), ('Đặng', 4), ('Bùi', 4), ('Đỗ', 3),
            ('Hồ', 3), ('Ngô', 3), ('Dương', 2), ('Lý', 1), ('Đinh', 2), ('Trương', 2), ('Đào', 2), ('Mai', 1),
            ('Cao', 1), ('Lâm', 1), ('Trịnh', 1), ('Tạ', 1), ('Hà', 1), ('Lương', 1), ('Chu', 1), ('Quách', 1))
        v(f, w), generate_series(1, w)) x) AS family,
       ARRAY['Văn', 'Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Thành', 'Xuân', 'Ngọc'] AS male_middle,
       ARRAY['Thị', 'Thị', 'Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Phương', 'Minh', 'Hồng'] AS female_middle,
       ARRAY['Anh', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hòa', 'Hoàng', 'Hùng', 'Hưng',
             'Huy', 'Khánh', 'Khoa', 'Kiên', 'Long', 'Lộc', 'Mạnh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân',
             'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
             'Vũ', 'Hiệp', 'Tâm'] AS male_given,
       ARRAY['Anh', 'Ánh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan',
             'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm',
             'Thảo', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Yến', 'Thư', 'Nhi', 'Diệp', 'Liên',
             'Thùy', 'Xuân', 'Hồng'] AS female_given,
       ARRAY['Thùy', 'Thu', 'Minh', 'Ngọc', 'Bảo', 'Hoàng', 'Quốc', 'Thanh', 'Kim', 'Hải', 'Phương', 'Anh',
             'Gia', 'Khánh', 'Tuấn', 'Mỹ', 'Đình', 'Hồng', 'Trọng', 'Diệu'] AS second_middle;

CREATE TEMP TABLE bench_rows ON COMMIT DROP AS
SELECT g AS id,
       -- Agencies: a few busy wards and districts, many quiet communes.
       1 + floor(200 * power(random(), 1.5))::int AS agency,
       1 + floor(300 * power(random(), 2))::int AS procedure,
       random() < 0.5 AS female,
       random() AS r_status, random() AS r_name, random() AS r_second,
       CAST(:'now' AS timestamptz) - (random() * interval '1826 days') AS submitted_at,
       random() * interval '8 hours' AS intake_delay
FROM generate_series(CAST(:first AS bigint), CAST(:last AS bigint)) g;

INSERT INTO dossier (id, code, receiving_agency_id, handling_agency_id, procedure_id, channel, applicant_name,
                     citizen_id, date_of_birth, phone, email, address, status, sub_state, submitted_at, received_at,
                     due_at, assigned_staff_id, version, updated_at)
SELECT r.id,
       a.code || '-' || to_char(r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' ||
           lpad(r.id::text, 8, '0'),
       r.agency, r.agency, r.procedure, 1 + (r.id % 3 = 0)::int,
       w.family[1 + floor(random() * array_length(w.family, 1))::int] || ' ' ||
           CASE WHEN r.female THEN w.female_middle[1 + floor(random() * 12)::int]
                ELSE w.male_middle[1 + floor(random() * 12)::int] END ||
           CASE WHEN r.r_second < 0.33 THEN ' ' || w.second_middle[1 + floor(random() * 20)::int] ELSE '' END || ' ' ||
           CASE WHEN r.female THEN w.female_given[1 + floor(r.r_name * 40)::int]
                ELSE w.male_given[1 + floor(r.r_name * 40)::int] END,
       lpad((1 + r.id % 96)::text, 3, '0') || (r.id % 4)::text || lpad((r.id * 7919 % 100)::text, 2, '0') ||
           lpad((r.id * 104729 % 1000000)::text, 6, '0'),
       DATE '1950-01-01' + (r.id * 7919 % 20000)::int,
       '09' || lpad((r.id * 15485863 % 100000000)::text, 8, '0'), '', 'Số ' || (r.id % 300) || ' đường Lê Lợi',
       s.status, s.sub_state, r.submitted_at,
       CASE WHEN s.status NOT IN (1, 3) THEN r.submitted_at + r.intake_delay END,
       CASE WHEN s.status <> 3 THEN r.submitted_at + r.intake_delay +
           make_interval(days => ceil(p.processing_time * 1.4)::int) END,
       CASE WHEN s.status IN (4, 5, 6, 9) AND s.sub_state <> 2 THEN 5 * (r.agency - 1) + 2 + (r.id % 2)::int END,
       1 + (s.status <> 1)::int + (s.status IN (4, 5, 6, 7, 9, 10))::int * 2 + (s.status IN (9, 10))::int,
       r.submitted_at
FROM bench_rows r
JOIN agency a ON a.id = r.agency
JOIN procedure p ON p.id = r.procedure
CROSS JOIN bench_words w
CROSS JOIN LATERAL (
    -- (status, sub_state) by shares: older than 60 days (returned, refused, stopped, stuck) or recent.
    SELECT CASE WHEN r.submitted_at > CAST(:'now' AS timestamptz) - interval '60 days'
                THEN width_bucket(r.r_status, ARRAY[0.035, 0.04, 0.09, 0.33, 0.37, 0.40, 0.43, 0.46, 0.49, 0.52,
                                                    0.525, 0.65, 0.955, 0.975]) + 5
                ELSE width_bucket(r.r_status, ARRAY[0.927, 0.957, 0.997]) + 1 END AS k) b
CROSS JOIN LATERAL (
    SELECT (ARRAY[10, 3, 8, 4, 1, 1, 2, 4, 4, 4, 4, 5, 5, 6, 7, 9, 10, 3, 8])[b.k] AS status,
           (ARRAY[0, 0, 0, 3, 1, 6, 2, 3, 4, 5, 2, 7, 8, 0, 0, 0, 0, 0, 0])[b.k] AS sub_state) s;

INSERT INTO dossier_name (name)
SELECT DISTINCT applicant_name_search FROM dossier WHERE id BETWEEN CAST(:first AS bigint) AND CAST(:last AS bigint)
ORDER BY 1 ON CONFLICT (name) DO NOTHING;

-- History: submitted; taken in (accepted or refused); assigned; approved; returned or stopped.
INSERT INTO dossier_event (dossier_id, at, action, role, staff_id, from_status, from_sub_state, to_status,
                           to_sub_state, note, from_agency_id, to_agency_id)
SELECT d.id, d.submitted_at + e.offset_time, e.action, e.role,
       CASE WHEN e.role = 6 THEN NULL ELSE 5 * (d.handling_agency_id - 1) + e.staff END,
       e.from_status, e.from_sub, e.to_status, e.to_sub, '', d.handling_agency_id, d.handling_agency_id
FROM dossier d
CROSS JOIN LATERAL (VALUES
    (1, 6, 0, 1, 1, 1, 1, interval '0', true),
    (CASE WHEN d.status = 3 THEN 4 ELSE 2 END, 1, 1, 1, 1, CASE WHEN d.status = 3 THEN 3 ELSE 2 END,
        CASE WHEN d.status = 3 THEN 0 ELSE 2 END, interval '2 hours', d.status <> 1),
    (6, 3, 4, 2, 2, 4, 3, interval '1 day', d.status IN (4, 5, 6, 7, 9, 10) AND d.sub_state <> 2),
    (8, 4, 5, 4, 4, 9, 0, interval '5 days', d.status IN (9, 10)),
    (CASE WHEN d.status = 10 THEN 9 ELSE 10 END, 1, 1, CASE WHEN d.status = 10 THEN 9 ELSE 4 END, 0, d.status, 0,
        interval '7 days', d.status IN (8, 10)))
    e(action, role, staff, from_status, from_sub, to_status, to_sub, offset_time, happened)
WHERE d.id BETWEEN CAST(:first AS bigint) AND CAST(:last AS bigint) AND e.happened;
COMMIT;
