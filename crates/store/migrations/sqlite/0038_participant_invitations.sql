-- Invitations to register, for participants a town brings in from its own list: the name,
-- furigana and basis the list gives, shown on the acceptance page for the person to check.
-- The account is made only when the person accepts and consents.
ALTER TABLE invitation ADD COLUMN display_name TEXT NOT NULL DEFAULT '';
ALTER TABLE invitation ADD COLUMN furigana TEXT NOT NULL DEFAULT '';
ALTER TABLE invitation ADD COLUMN eligibility_basis TEXT;
