-- motcua-bench generate, step 1: the catalogue of a province for the generated dossiers: 200 agencies (the province,
-- 20 districts and departments, 179 communes and wards), 300 procedures, five staff members per agency. Run by
-- scripts/bench.sh on a freshly migrated database; ids are fixed so that the dossier step can compute them.
BEGIN;
INSERT INTO agency (id, parent_id, code, name, level)
SELECT a,
       CASE WHEN a = 1 THEN NULL WHEN a <= 21 THEN 1 ELSE 2 + (a % 20) END,
       CASE WHEN a = 1 THEN '000.00.00.H41'
            WHEN a <= 21 THEN format('000.00.%s.H41', lpad(a::text, 2, '0'))
            ELSE format('000.%s.%s.H41', lpad((2 + a % 20)::text, 2, '0'), lpad(a::text, 3, '0')) END,
       CASE WHEN a = 1 THEN 'UBND tỉnh Nghệ An'
            WHEN a <= 21 THEN 'Phòng ban số ' || a
            ELSE 'UBND phường số ' || a END,
       CASE WHEN a = 1 THEN 1 WHEN a <= 21 THEN 2 ELSE 3 END
FROM generate_series(1, 200) a;
SELECT setval(pg_get_serial_sequence('agency', 'id'), 200);

INSERT INTO procedure (id, code, name, sector, competent_level, processing_time, processing_unit, fee_vnd, online)
SELECT p, format('1.%s', lpad((1000 + p)::text, 6, '0')), 'Thủ tục hành chính số ' || p, 'Lĩnh vực ' || (p % 25),
       1 + p % 3, (ARRAY[0, 1, 3, 5, 7, 10, 15, 20, 30])[1 + p % 9], 1 + (p % 7 = 0)::int, (p % 5) * 50000, p % 4 <> 0
FROM generate_series(1, 300) p;
SELECT setval(pg_get_serial_sequence('procedure', 'id'), 300);

-- Staff of agency a: 5a-4 clerk, 5a-3 and 5a-2 handlers, 5a-1 manager, 5a signer. The bench signs in by a session
-- row it writes itself, so the password hash only has to be present.
INSERT INTO staff (id, username, full_name, role, agency_id, password_hash)
SELECT 5 * (a - 1) + r, format('bench-%s-%s', a, r), 'Cán bộ ' || a || '.' || r, (ARRAY[1, 2, 2, 3, 4])[r], a,
       'scrypt$not-a-password'
FROM generate_series(1, 200) a, generate_series(1, 5) r;
SELECT setval(pg_get_serial_sequence('staff', 'id'), 1000);
COMMIT;
