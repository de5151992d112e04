-- The income walls are chosen by what they protect, as the law stands since the 2025 tax reform
-- (domain::income_cap). Safe to run again: it touches only rows with the old codes.
-- A person who chose "103万円" is moved to the spouse deduction (now 123万円) and told why; the
-- 106万円 and 130万円 walls keep their meaning under their new names.
INSERT INTO notification (municipality_id, account_id, kind, title, body, args, link, created_at)
SELECT a.municipality_id, a.id, 'income_cap_moved',
       '年収の壁の設定を見直しました',
       '2025年の税制改正で「103万円の壁」が変わりました。配偶者控除を受けられる範囲（給与の年収123万円まで）として登録し直しました。プロフィールで、守りたいものに合わせて選び直せます。',
       '{}', '/' || m.slug || '/me/profile', strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
FROM participant_profile p
JOIN account a ON a.id = p.account_id
JOIN municipality m ON m.id = a.municipality_id
WHERE p.income_cap = '103';
UPDATE participant_profile SET income_cap = 'spouse_deduction' WHERE income_cap = '103';
UPDATE participant_profile SET income_cap = 'social_insurance' WHERE income_cap = '106';
UPDATE participant_profile SET income_cap = 'partner_insurance' WHERE income_cap = '130';
