//! What the coordinators are told about residents who reach out: an interest in a request
//! ("この仕事について相談したい") goes to the person's coordinator, a new registration to the
//! whole team.

use domain::Municipality;
use store::notification::{NewNotification, Recipient};

use super::{Arg, Notice, NoticeKind, compose};
use crate::state::AppState;

/// A resident is interested in a request: who, which, and their own words.
pub struct Interested<'a> {
    pub person: &'a str,
    pub request: (i64, &'a str, &'a str),
    pub message: &'a str,
}

pub fn interest_expressed(
    state: &AppState,
    town: &Municipality,
    interest: &Interested<'_>,
    coordinators: &[Recipient],
) -> Vec<NewNotification> {
    let (id, title, title_en) = interest.request;
    let notice = Notice {
        kind: NoticeKind::InterestExpressed,
        args: vec![
            ("person", Arg::Text(interest.person.to_owned())),
            (
                "request",
                Arg::Titled {
                    ja: title.to_owned(),
                    en: title_en.to_owned(),
                },
            ),
            ("message", Arg::Message(interest.message.to_owned())),
        ],
        link: format!("/{}/coordinator/requests/{id}#interests-h", town.slug),
    };
    compose(state, town, &notice, coordinators)
}

/// Someone registered: the team is told, with the way to their record.
pub fn registered(
    state: &AppState,
    town: &Municipality,
    (id, person): (i64, &str),
    team: &[Recipient],
) -> Vec<NewNotification> {
    let notice = Notice {
        kind: NoticeKind::NewRegistration,
        args: vec![("person", Arg::Text(person.to_owned()))],
        link: format!("/{}/coordinator/participants/{id}", town.slug),
    };
    compose(state, town, &notice, team)
}
