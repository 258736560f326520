-- MotCua migration 0006: a placeholder so that 0007 follows without a gap on the attachments branch. The migration
-- 0006 written at the same time on another branch (the outbox) replaces this file when the branches are merged.
SELECT 1;
