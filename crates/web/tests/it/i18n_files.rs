//! Every translation key exists in both languages, and every key a template uses exists.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn keys_of(lang: &str) -> BTreeSet<String> {
    let dir = crate_dir().join("locales").join(lang);
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", path.display()));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                assert!(
                    keys.insert(message.id.name.to_owned()),
                    "{} defines {} twice",
                    path.display(),
                    message.id.name
                );
            }
        }
    }
    keys
}

#[test]
fn every_key_exists_in_japanese_and_english() {
    let ja = keys_of("ja");
    let en = keys_of("en");
    let only_ja: Vec<_> = ja.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&ja).collect();
    assert!(only_ja.is_empty(), "missing in English: {only_ja:?}");
    assert!(only_en.is_empty(), "missing in Japanese: {only_en:?}");
    assert!(ja.len() > 20);
}

/// Keys written literally in templates and Rust sources: `t("key")`, `t1("key"`, `t_args("key"`.
fn keys_used_in(dir: &Path, used: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_used_in(&path, used);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for call in [".t(\"", ".t1(\"", ".t_args(\""] {
            for piece in text.split(call).skip(1) {
                if let Some(key) = piece.split('"').next() {
                    used.insert(key.to_owned());
                }
            }
        }
    }
}

#[test]
fn every_key_used_by_a_template_or_handler_exists() {
    let known = keys_of("ja");
    let mut used = BTreeSet::new();
    keys_used_in(&crate_dir().join("templates"), &mut used);
    keys_used_in(&crate_dir().join("src"), &mut used);
    used.retain(|key| !key.contains('{') && !key.is_empty() && key != "no-such-key");
    let missing: Vec<_> = used.difference(&known).collect();
    assert!(
        missing.is_empty(),
        "keys used but not translated: {missing:?}"
    );
    assert!(used.len() > 10, "the scan found too few keys: {used:?}");
}

#[test]
fn every_error_status_has_a_title_and_a_message() {
    let known = keys_of("en");
    for status in [
        "400", "403", "404", "405", "409", "413", "422", "429", "500",
    ] {
        assert!(known.contains(&format!("error-{status}-title")), "{status}");
        assert!(
            known.contains(&format!("error-{status}-message")),
            "{status}"
        );
    }
}

/// Keys made at run time from domain values: every value must have its message.
#[test]
fn keys_built_from_domain_values_exist() {
    use domain::availability::Weekday;
    use domain::participant::{AgeBand, GoalTrack, WorkPlace};
    let known = keys_of("ja");
    let dash = |code: &str| code.replace('_', "-");
    let mut needed: Vec<String> = Vec::new();
    needed.extend(
        GoalTrack::ALL
            .iter()
            .map(|g| format!("goal-{}", dash(g.code()))),
    );
    needed.extend(
        WorkPlace::ALL
            .iter()
            .map(|w| format!("work-place-{}", dash(w.code()))),
    );
    needed.extend(
        AgeBand::ALL
            .iter()
            .map(|b| format!("age-band-{}", dash(b.code()))),
    );
    needed.extend(Weekday::ALL.iter().map(|d| format!("day-{}", d.code())));
    needed.extend(
        domain::skill::GROUPS
            .iter()
            .map(|g| format!("skill-group-{g}")),
    );
    needed.extend(
        ["none", "103", "106", "130", "custom"]
            .iter()
            .map(|c| format!("income-cap-{c}")),
    );
    needed.extend(
        domain::municipality::EligibilityBasis::ALL
            .iter()
            .map(|b| format!("eligibility-basis-{}", b.code())),
    );
    needed.extend(
        domain::municipality::EligibilityRule::ALL
            .iter()
            .map(|r| format!("eligibility-{}", dash(r.code()))),
    );
    needed.extend(
        domain::Role::ALL
            .iter()
            .map(|r| format!("role-{}", dash(r.code()))),
    );
    needed.extend((1..=4).map(|l| format!("skill-level-{l}")));
    {
        use domain::introduction::{
            Action, IntroductionStatus, MemberStatus, NOT_PLACED_REASONS, OutcomeKind, PAY_BANDS,
        };
        needed.extend(
            IntroductionStatus::ALL
                .iter()
                .map(|s| format!("introduction-status-{}", dash(s.code()))),
        );
        needed.extend(
            MemberStatus::ALL
                .iter()
                .map(|s| format!("member-status-{}", dash(s.code()))),
        );
        for action in Action::ALL {
            needed.push(format!("introduction-do-{}", dash(action.code())));
            needed.push(format!("introduction-action-{}", dash(action.code())));
        }
        for action in ["draft", "consent", "decline-offer", "withdraw-consent"] {
            needed.push(format!("introduction-action-{action}"));
        }
        needed.extend(
            OutcomeKind::ALL
                .iter()
                .map(|k| format!("outcome-kind-{}", dash(k.code()))),
        );
        needed.extend(
            NOT_PLACED_REASONS
                .iter()
                .map(|r| format!("outcome-reason-{}", dash(r))),
        );
        needed.extend(PAY_BANDS.iter().map(|b| format!("pay-band-{}", dash(b))));
        needed.extend(
            store::introduction::SHARED_ITEMS
                .iter()
                .map(|i| format!("shared-item-{}", dash(i))),
        );
        for done in [
            "created",
            "moved",
            "stale",
            "duplicate",
            "consent",
            "decline",
            "withdraw",
        ] {
            needed.push(format!("introduction-done-{done}"));
        }
        for kind in [
            "introduction-offered",
            "introduction-consented",
            "introduction-declined",
            "consent-withdrawn",
            "organization-responded",
            "meeting-scheduled",
            "work-started",
            "introduction-cancelled",
            "follow-up-due",
        ] {
            needed.push(format!("notice-{kind}-title"));
            needed.push(format!("notice-{kind}-body"));
        }
    }
    {
        use domain::request::{
            CloseReason, ContractType, Flag, MeetingMode, PayUnit, RequestKind, WorkMode,
        };
        needed.extend(
            RequestKind::ALL
                .iter()
                .map(|k| format!("request-kind-{}", dash(k.code()))),
        );
        needed.extend(
            ContractType::ALL
                .iter()
                .map(|c| format!("contract-{}", dash(c.code()))),
        );
        needed.extend(
            PayUnit::ALL
                .iter()
                .map(|p| format!("pay-unit-{}", dash(p.code()))),
        );
        needed.extend(
            PayUnit::ALL
                .iter()
                .map(|p| format!("pay-{}", dash(p.code()))),
        );
        needed.extend(
            WorkMode::ALL
                .iter()
                .map(|w| format!("work-mode-{}", dash(w.code()))),
        );
        needed.extend(
            MeetingMode::ALL
                .iter()
                .map(|m| format!("meeting-mode-{}", dash(m.code()))),
        );
        needed.extend(Flag::ALL.iter().map(|f| format!("flag-{}", dash(f.code()))));
        needed.extend(
            CloseReason::ALL
                .iter()
                .map(|r| format!("request-status-closed-{}", r.code())),
        );
        needed.extend(
            CloseReason::ALL
                .iter()
                .map(|r| format!("request-action-close-{}", r.code())),
        );
        needed.extend(
            ["draft", "submitted", "published"]
                .iter()
                .map(|s| format!("request-status-{s}")),
        );
        needed.extend(
            [
                "created", "edited", "submit", "return", "publish", "close", "withdraw",
            ]
            .iter()
            .map(|a| format!("request-action-{a}")),
        );
        needed.extend(
            ["company", "npo", "government", "other"]
                .iter()
                .map(|k| format!("organization-kind-{k}")),
        );
        needed.extend(
            ["in-town", "in-japan", "abroad"]
                .iter()
                .map(|l| format!("organization-location-{l}")),
        );
        needed.extend(
            ["new", "approved", "declined"]
                .iter()
                .map(|s| format!("enquiry-status-{s}")),
        );
    }
    needed.extend(
        [
            "registered",
            "goal_track",
            "profile_updated",
            "consent_withdrawn",
            "consent_given",
            "hearing",
            "follow_up_scheduled",
            "follow_up_done",
        ]
        .iter()
        .map(|k| format!("event-{}", dash(k))),
    );
    // Every error code the domain and the handlers report on a field.
    let mut codes = BTreeSet::new();
    for dir in [crate_dir().join("src"), crate_dir().join("../domain/src")] {
        collect_error_codes(&dir, &mut codes);
    }
    assert!(codes.len() > 20, "found {codes:?}");
    needed.extend(codes.iter().map(|c| format!("error-{c}")));
    let missing: Vec<_> = needed.iter().filter(|k| !known.contains(*k)).collect();
    assert!(missing.is_empty(), "missing messages: {missing:?}");
}

/// The second string literal of `add(".."`, `single(".."` and the literals of `code()` match arms.
fn collect_error_codes(dir: &Path, codes: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect_error_codes(&path, codes);
            continue;
        }
        let whole = std::fs::read_to_string(&path).unwrap();
        // Only the code itself: a module's tests invent codes on purpose.
        let text = whole.split("#[cfg(test)]").next().unwrap_or_default();
        for call in [".add(\"", "::single(\""] {
            for piece in text.split(call).skip(1) {
                let mut literals = piece.split('"');
                let (_field, _comma) = (literals.next(), literals.next());
                let code = literals.next().unwrap_or_default();
                let is_code = !code.is_empty()
                    && code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                if is_code {
                    codes.insert(code.to_owned());
                }
            }
        }
        for marker in [
            "Error::TooShort => \"",
            "Error::TooLong => \"",
            "Error::TooCommon => \"",
            "Error::Empty => \"",
            "Error::NotKana => \"",
            "Error::Length => \"",
            "Error::Characters => \"",
            "Error::Reserved => \"",
        ] {
            for piece in text.split(marker).skip(1) {
                codes.insert(piece.split('"').next().unwrap().to_owned());
            }
        }
    }
}
