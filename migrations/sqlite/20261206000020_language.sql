-- The interface language a person chose (`en`, `de`); NULL: the browser's, else the
-- installation's default.
ALTER TABLE users ADD COLUMN language TEXT;
