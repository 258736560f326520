-- The title printed above a signer's name on the documents they sign ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG PHÒNG");
-- empty: the decree's generic "THỦ TRƯỞNG CƠ QUAN".
ALTER TABLE staff ADD COLUMN position text NOT NULL DEFAULT ''
    CONSTRAINT staff_position_length CHECK (length(position) <= 120);
