-- MotCua migration 0001: optional search extensions and the immutable name-folding function used by the dossier table.

-- pg_trgm and unaccent serve later name-search work. Both are trusted extensions since PostgreSQL 13, so the database
-- owner may create them without superuser rights. Where they are not installed, or this role may not create them,
-- the migration goes on without them: nothing in the schema depends on them.
DO $$
DECLARE
    ext text;
BEGIN
    FOREACH ext IN ARRAY ARRAY['pg_trgm', 'unaccent'] LOOP
        IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = ext) THEN
            BEGIN
                EXECUTE format('CREATE EXTENSION IF NOT EXISTS %I', ext);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE NOTICE 'extension % not enabled: %', ext, SQLERRM;
            END;
        ELSE
            RAISE NOTICE 'extension % is not available on this server', ext;
        END IF;
    END LOOP;
END
$$;

-- Folds a Vietnamese name for searching: NFC, tone marks and vowel marks removed (đ → d), single spaces, lower case.
-- It must be IMMUTABLE for a generated column and its index; unaccent() is only STABLE (it reads a dictionary that
-- may be absent), hence the explicit table of the 134 Vietnamese letters outside ASCII.
CREATE FUNCTION motcua_fold_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN lower(regexp_replace(btrim(translate(normalize(name, NFC),
    'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
    'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydAAAAAAAAAAAAAAAAAEEEEEEEEEEEIIIIIOOOOOOOOOOOOOOOOOUUUUUUUUUUUYYYYYD')),
    '\s+', ' ', 'g'));
