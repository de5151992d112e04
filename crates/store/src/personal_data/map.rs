//! The classification of every table and column. Order matters: deletion runs top to bottom,
//! so rows that point at others come first and the account itself is last (the conditions
//! that find rows by the person's email read it from the account).
//!
//! `P` personal (downloaded, removed), `I` internal (removed, not downloaded), `A` aggregate
//! fact (kept), `S` system (kept). `= "SQL"` is the value that empties a column in place;
//! `@m` marks text that may name other people (the person's name is replaced there).

use super::{Class, Column, Erase, Table};

macro_rules! blank {
    () => {
        "NULL"
    };
    ($sql:literal) => {
        $sql
    };
}

macro_rules! mentions {
    () => {
        false
    };
    (m) => {
        true
    };
}

macro_rules! class {
    (P) => {
        Class::Personal
    };
    (I) => {
        Class::Internal
    };
    (A) => {
        Class::Aggregate
    };
    (S) => {
        Class::System
    };
}

macro_rules! table {
    ($name:literal, $erase:ident, $rows:expr,
     [$($class:ident $col:literal $(= $blank:literal)? $(@$m:ident)?),* $(,)?]) => {
        Table {
            name: $name,
            rows: $rows,
            erase: Erase::$erase,
            label_key: concat!("data-table-", $name),
            columns: &[$(Column {
                name: $col,
                class: class!($class),
                blank: blank!($($blank)?),
                mentions: mentions!($($m)?),
                label_key: concat!("data-col-", $name, "-", $col),
            }),*],
        }
    };
}

/// The person's rows found by the email their account has (in their own town).
macro_rules! by_email {
    ($col:literal) => {
        concat!(
            $col,
            " = (SELECT email FROM account WHERE id = $1) \
             AND municipality_id = (SELECT municipality_id FROM account WHERE id = $1)"
        )
    };
}

pub static TABLES: &[Table] = &[
    table!("attendance", Delete,
        "booking_id IN (SELECT id FROM booking WHERE participant_id = $1)",
        [S "booking_id", S "session_id", S "municipality_id", P "attended", P "children_in_care",
         S "recorded_by", P "recorded_at"]),
    table!("booking", Delete, "participant_id = $1",
        [S "id", S "municipality_id", P "event_id", S "participant_id", P "status",
         P "children_age0", P "children_age1_2", P "children_age3_5", P "children_school",
         P "offered_until", S "reminded_at", P "created_at", P "updated_at"]),
    table!("credential", Delete, "participant_id = $1",
        [S "id", S "municipality_id", P "event_id", S "participant_id", P "awarded_at"]),
    table!("hearing_revision", Delete,
        "hearing_id IN (SELECT id FROM hearing WHERE participant_id = $1)",
        [S "id", S "municipality_id", S "hearing_id", I "held_on", I "goals", I "worries",
         I "constraints_confirmed", I "notes", I "reason", S "changed_by", I "changed_at"]),
    table!("hearing", Delete, "participant_id = $1",
        [S "id", S "municipality_id", S "participant_id", S "coordinator_id", P "held_on",
         P "goals", P "worries", P "constraints_confirmed", I "notes", S "created_at"]),
    table!("follow_up", Delete, "participant_id = $1",
        [S "id", S "municipality_id", S "participant_id", S "assigned_to", P "due_on",
         I "note", P "done_at", S "created_at", S "introduction_id", I "answer",
         S "notified_at"]),
    table!("case_event", Delete, "participant_id = $1",
        [S "id", S "municipality_id", S "participant_id", P "kind", P "summary" @m,
         S "actor_id", P "at"]),
    table!("goal_track_change", Delete, "account_id = $1",
        [S "id", S "municipality_id", S "account_id", P "goal_track", S "changed_by",
         P "changed_at"]),
    table!("participant_skill", Delete, "account_id = $1",
        [S "account_id", S "municipality_id", P "skill_id", P "level", P "evidence",
         S "verified_by", P "verified_at"]),
    table!("participant_profile", Delete, "account_id = $1",
        [S "account_id", S "municipality_id", P "eligibility_basis", P "phone",
         P "postal_code", P "goal_track", P "work_history", P "career_gap_months",
         P "availability", P "free_days", P "max_minutes_per_week", P "earliest_start",
         P "income_cap", P "income_cap_yen", P "expected_hourly_wage", P "work_place",
         P "commute_minutes", P "drives", P "children_age0", P "children_age1_2",
         P "children_age3_5", P "children_school", P "profile_updated_at",
         P "last_contact_at", P "home_area", P "cares_for_elder", P "cares_for_family",
         P "job_mail_since", S "job_mail_sent_at"]),
    table!("consent", Delete, "account_id = $1",
        [S "id", S "municipality_id", S "account_id", P "kind", P "version", P "given_at",
         P "withdrawn_at"]),
    table!("request_interest", Delete, "participant_id = $1",
        [S "id", S "municipality_id", P "request_id", S "participant_id", P "message" @m,
         P "status", P "created_at", P "answered_at", S "answered_by"]),
    table!("saved_request", Delete, "participant_id = $1",
        [S "municipality_id", S "participant_id", P "request_id", P "saved_at"]),
    table!("introduction", Blank,
        "kind <> 'team' AND id IN (SELECT introduction_id FROM introduction_member WHERE participant_id = $1)",
        [S "id", S "municipality_id", A "request_id", S "organization_id", S "kind",
         A "status", I "fit_score" = "0", I "reasons" = "''", I "common_time" = "''",
         S "created_by", S "created_at", S "updated_at", P "meeting_at",
         P "meeting_place" = "''", A "started_on", A "outcome", I "outcome_reason",
         A "outcome_minutes", A "pay_band", A "concluded_at", P "organization_note" = "''" @m,
         I "gaps" = "''", P "personal_note" = "''" @m, P "meeting_answer" = "'waiting'",
         P "meeting_answer_note" = "''" @m, S "meeting_reminded_at", A "result_verdict",
         I "result_reason", I "result_note" = "''" @m, S "result_reported_at"]),
    table!("introduction_member", Blank, "participant_id = $1",
        [S "introduction_id", S "participant_id", S "municipality_id", A "status",
         P "decline_reason" = "''", A "responded_at", P "shared_items" = "''"]),
    table!("introduction_event", Blank, "participant_id = $1",
        [S "id", S "municipality_id", S "introduction_id", S "participant_id", S "action",
         S "from_status", S "to_status", S "actor_id", P "note" = "''" @m, S "at"]),
    table!("provision_record", KeptByLaw, "participant_id = $1",
        [S "id", S "municipality_id", P "introduction_id", S "participant_id",
         P "organization_id", P "items", P "provided_at", P "stopped_at"]),
    table!("notification", Delete, "account_id = $1",
        [S "id", S "municipality_id", S "account_id", P "kind", I "title" @m, I "body" @m,
         P "link", P "created_at", P "read_at", P "args" @m]),
    table!("outbox_message", Delete, by_email!("recipient"),
        [S "id", S "municipality_id", S "kind", P "recipient", I "subject" @m,
         I "body_text" @m, S "created_at", S "attempts", S "last_error", S "next_attempt_at",
         S "sent_at", I "body_html" @m, S "claimed_by", S "claimed_until", S "dead_at",
         S "lang", I "letter" @m]),
    table!("enquiry", Blank, by_email!("email"),
        [S "id", S "municipality_id", S "organization_name", S "kind", S "location",
         P "contact_person" = "''", P "email" = "''", P "phone" = "''", P "message" = "''",
         S "status", S "organization_id", S "handled_by", S "handled_at", S "created_at"]),
    table!("invitation", Delete, by_email!("email"),
        [S "id", S "municipality_id", P "email", S "role", S "organization_id",
         I "token_hash", S "invited_by", P "created_at", S "expires_at", P "accepted_at",
         P "display_name", P "furigana", P "eligibility_basis"]),
    table!("signup_verification", Delete, by_email!("email"),
        [S "id", S "municipality_id", P "email", I "token_hash", S "created_at",
         S "expires_at", S "used_at"]),
    table!("signin_throttle", Delete,
        "REPLACE(key, (SELECT email FROM account WHERE id = $1), '') <> key",
        [I "key", S "failures", S "last_failure_at", S "locked_until"]),
    table!("rate_window", Delete,
        "REPLACE(key, (SELECT email FROM account WHERE id = $1), '') <> key",
        [I "key", S "window_start", S "hits"]),
    table!("password_reset", Delete, "account_id = $1",
        [S "id", S "account_id", I "token_hash", S "created_at", S "expires_at", S "used_at"]),
    table!("calendar_token", Delete, "account_id = $1",
        [S "account_id", S "municipality_id", I "token_hash", S "created_at"]),
    table!("session", Delete, "account_id = $1",
        [I "id_hash", S "account_id", P "created_at", P "last_seen_at", S "expires_at"]),
    // A staff member's list download: the file holds other people's rows, never theirs to
    // take away with their own data.
    table!("list_export", Delete, "account_id = $1",
        [S "id", S "municipality_id", S "account_id", S "list", S "format", I "query",
         S "lang", S "requested_at", S "claimed_until", S "rows_total", S "rows_done",
         S "ready_at", S "expires_at", S "downloaded_at", S "refused", S "file_name",
         I "file"]),
    table!("data_export", Delete, "account_id = $1",
        [S "id", S "municipality_id", S "account_id", S "lang", S "requested_at",
         S "claimed_until", S "ready_at", S "expires_at", S "downloaded_at", I "archive"]),
    table!("account", Blank, "id = $1",
        [S "id", S "municipality_id", A "role", S "organization_id",
         P "email" = "'deleted-' || CAST(id AS TEXT) || '@deleted.invalid'",
         P "display_name" = "''", P "furigana" = "''", I "password_hash" = "''",
         A "created_at", S "password_changed_at", P "notify_by_email" = "FALSE",
         P "notify_in_app" = "FALSE", P "lang" = "'ja'", I "name_key" = "''",
         S "deleted_at", P "last_seen_at", S "retention_warnings", S "retention_warned_at"]),
    // No one's rows: the town's content, its records of organizations, and bookkeeping.
    table!("account_deletion", NoOnesRows, "",
        [S "id", S "municipality_id", S "account_id", S "channel", S "identity_check",
         S "handled_by", S "deleted_at"]),
    // The audit log is append-only (a trigger refuses changes): its entries name people by
    // account number only, which the deleted account's emptied row turns into a pseudonym.
    table!("audit_log", NoOnesRows, "",
        [S "id", S "municipality_id", S "actor_id", S "actor_role", S "action",
         S "target_type", S "target_id", S "detail", S "ip", S "at"]),
    table!("audit_subject", NoOnesRows, "",
        [S "audit_id", S "municipality_id", S "account_id"]),
    table!("announcement", NoOnesRows, "",
        [S "id", S "municipality_id", S "title_ja", S "title_en", S "body_ja", S "body_en",
         S "published_at"]),
    // The town's log of requests under the law made outside the site: the requester may have
    // no account here; the log is the town's record, removed by retention.
    table!("data_request", NoOnesRows, "",
        [S "id", S "municipality_id", S "kind", S "channel", S "received_on",
         S "deadline_on", P "requester", P "summary", S "state", P "answer",
         S "answered_on", S "handled_by", S "created_by", S "created_at"]),
    table!("event", NoOnesRows, "",
        [S "id", S "municipality_id", S "kind", S "status", S "title", S "title_en",
         S "description", S "place", S "online_url", S "starts_at", S "ends_at",
         S "capacity", S "opens_at", S "closes_at", S "cancel_deadline", S "childcare",
         S "carers", S "children_programme", S "public", S "host_id", S "booking_version",
         S "created_at", S "description_en", S "cancel_reason"]),
    table!("event_session", NoOnesRows, "",
        [S "id", S "municipality_id", S "event_id", S "starts_at", S "ends_at"]),
    table!("event_skill", NoOnesRows, "",
        [S "event_id", S "municipality_id", S "skill_id", S "level"]),
    table!("matching_change", NoOnesRows, "",
        [S "id", S "municipality_id", S "subject", S "subject_id", S "xact", S "recorded_at"]),
    table!("municipality", NoOnesRows, "",
        [S "id", S "slug", S "name_ja", S "name_en", S "eligibility_rule",
         S "fiscal_year_start_month", S "contact_email", S "contact_phone", S "created_at",
         S "prefecture", S "travel_default_minutes", S "report_threshold"]),
    table!("organization", NoOnesRows, "",
        [S "id", S "municipality_id", S "name", S "created_at", S "kind", S "location",
         S "name_en", S "contact_person", S "description"]),
    table!("privacy_policy", NoOnesRows, "",
        [S "id", S "municipality_id", S "version", S "changes_ja", S "changes_en",
         S "published_by", S "published_at"]),
    table!("program_fact", NoOnesRows, "",
        [S "id", S "municipality_id", A "kind", A "occurred_on", A "person", A "detail",
         A "subject", A "children"]),
    table!("report_published", NoOnesRows, "", [S "municipality_id", S "measure"]),
    table!("report_target", NoOnesRows, "",
        [S "municipality_id", S "fiscal_year", S "measure", S "target", S "set_by", S "set_at"]),
    table!("request", NoOnesRows, "",
        [S "id", S "municipality_id", S "organization_id", S "kind", S "status",
         S "close_reason", S "title", S "description", S "work_mode", S "location_area",
         S "flexible", S "windows", S "latest_end", S "days_per_week", S "min_minutes",
         S "max_minutes", S "start_date", S "contract", S "pay_unit", S "pay_yen",
         S "headcount", S "deliverable", S "team_min", S "team_max", S "milestones",
         S "budget_yen", S "meeting_mode", S "meeting_minutes", S "flag_within_cap",
         S "flag_gap_welcome", S "flag_sudden_absence", S "flag_children_welcome",
         S "created_by", S "created_at", S "updated_at", S "published_at", S "shift_rule",
         S "shortest_shift_minutes", S "commuting_allowance_yen", S "title_en",
         S "description_en"]),
    table!("request_event", NoOnesRows, "",
        [S "id", S "municipality_id", S "request_id", S "action", S "from_status",
         S "to_status", S "actor_id", S "comment", S "at"]),
    table!("request_skill", NoOnesRows, "",
        [S "request_id", S "municipality_id", S "skill_id", S "level", S "required"]),
    table!("retention_setting", NoOnesRows, "",
        [S "municipality_id", S "kind", S "months"]),
    table!("retention_run", NoOnesRows, "",
        [S "id", S "municipality_id", S "ran_at", S "warned", S "accounts",
         S "provision_records", S "data_requests", S "sent_mail"]),
    table!("server_key", NoOnesRows, "", [S "name", S "value", S "created_at"]),
    table!("town_area", NoOnesRows, "",
        [S "municipality_id", S "code", S "name_ja", S "name_en", S "position"]),
    table!("town_page", NoOnesRows, "",
        [S "municipality_id", S "program_name_ja", S "program_name_en", S "lead_ja",
         S "lead_en", S "office_ja", S "office_en", S "accent", S "updated_at", S "logo",
         S "logo_type", S "request_deadline_days"]),
    table!("town_travel", NoOnesRows, "",
        [S "municipality_id", S "from_area", S "to_area", S "minutes"]),
];
