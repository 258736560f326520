-- MotCua migration 0009: placeholder on this branch; the change events (another branch) replace it.
SELECT 1;  -- a statement, since an empty script is refused by the migration runner
