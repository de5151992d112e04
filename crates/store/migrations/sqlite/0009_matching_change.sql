-- What changed for the matching engine, so each app node keeps its in-memory copy of a town's
-- engine input current by reading only what changed (`store::matching_cache`). Written by
-- triggers, so no write can forget it; pruned by the worker after a day.
--   subject: 'participant' (subject_id = account id), 'request' (request id) or 'town'
--   (travel table or default minutes; subject_id 0).
--   xact: on PostgreSQL the writing transaction's id, since ids are not in commit order there;
--   unused on SQLite, whose writers take turns.
CREATE TABLE matching_change (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    municipality_id INTEGER NOT NULL,
    subject         TEXT NOT NULL,
    subject_id      INTEGER NOT NULL,
    xact            INTEGER,
    recorded_at     INTEGER NOT NULL DEFAULT (CAST(strftime('%s', 'now') AS INTEGER))
);
CREATE INDEX matching_change_town ON matching_change (municipality_id, id);
CREATE INDEX matching_change_recorded ON matching_change (recorded_at);

CREATE TRIGGER matching_change_participant_profile_insert AFTER INSERT ON participant_profile BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.account_id);
END;
CREATE TRIGGER matching_change_participant_profile_update AFTER UPDATE ON participant_profile BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.account_id);
END;
CREATE TRIGGER matching_change_participant_profile_delete AFTER DELETE ON participant_profile BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'participant', OLD.account_id);
END;
CREATE TRIGGER matching_change_participant_skill_insert AFTER INSERT ON participant_skill BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.account_id);
END;
CREATE TRIGGER matching_change_participant_skill_update AFTER UPDATE ON participant_skill BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.account_id);
END;
CREATE TRIGGER matching_change_participant_skill_delete AFTER DELETE ON participant_skill BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'participant', OLD.account_id);
END;
CREATE TRIGGER matching_change_consent_insert AFTER INSERT ON consent BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.account_id);
END;
CREATE TRIGGER matching_change_consent_update AFTER UPDATE ON consent BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.account_id);
END;
CREATE TRIGGER matching_change_consent_delete AFTER DELETE ON consent BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'participant', OLD.account_id);
END;
CREATE TRIGGER matching_change_introduction_member_insert AFTER INSERT ON introduction_member BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.participant_id);
END;
CREATE TRIGGER matching_change_introduction_member_delete AFTER DELETE ON introduction_member BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'participant', OLD.participant_id);
END;
CREATE TRIGGER matching_change_request_insert AFTER INSERT ON request BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'request', NEW.id);
END;
CREATE TRIGGER matching_change_request_update AFTER UPDATE ON request BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'request', NEW.id);
END;
CREATE TRIGGER matching_change_request_delete AFTER DELETE ON request BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'request', OLD.id);
END;
CREATE TRIGGER matching_change_request_skill_insert AFTER INSERT ON request_skill BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'request', NEW.request_id);
END;
CREATE TRIGGER matching_change_request_skill_update AFTER UPDATE ON request_skill BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'request', NEW.request_id);
END;
CREATE TRIGGER matching_change_request_skill_delete AFTER DELETE ON request_skill BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'request', OLD.request_id);
END;
CREATE TRIGGER matching_change_town_area_insert AFTER INSERT ON town_area BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'town', 0);
END;
CREATE TRIGGER matching_change_town_area_update AFTER UPDATE ON town_area BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'town', 0);
END;
CREATE TRIGGER matching_change_town_area_delete AFTER DELETE ON town_area BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'town', 0);
END;
CREATE TRIGGER matching_change_town_travel_insert AFTER INSERT ON town_travel BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'town', 0);
END;
CREATE TRIGGER matching_change_town_travel_update AFTER UPDATE ON town_travel BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'town', 0);
END;
CREATE TRIGGER matching_change_town_travel_delete AFTER DELETE ON town_travel BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'town', 0);
END;
CREATE TRIGGER matching_change_account_name AFTER UPDATE OF display_name ON account
WHEN NEW.municipality_id IS NOT NULL BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.municipality_id, 'participant', NEW.id);
END;
CREATE TRIGGER matching_change_account_delete AFTER DELETE ON account
WHEN OLD.municipality_id IS NOT NULL BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (OLD.municipality_id, 'participant', OLD.id);
END;
CREATE TRIGGER matching_change_introduction_status AFTER UPDATE OF status ON introduction BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id)
    SELECT NEW.municipality_id, 'participant', participant_id FROM introduction_member WHERE introduction_id = NEW.id;
END;
CREATE TRIGGER matching_change_town_default AFTER UPDATE OF travel_default_minutes ON municipality BEGIN
    INSERT INTO matching_change (municipality_id, subject, subject_id) VALUES (NEW.id, 'town', 0);
END;
