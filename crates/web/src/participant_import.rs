//! Bringing the people on a town's own list in, shared by the coordinator's page
//! (`coordinator::import`) and `wakucareer import participants`: the plan of a file
//! (`domain::import::participant`, the basis read in the words of both languages, only the
//! bases the town admits), and for each person an invitation with its mail. No account is
//! made here: each person sets their own password and consents on the invitation's page.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use domain::Municipality;
use domain::import::participant::{Invitee, plan};
use domain::import::{FileProblem, Plan};
use domain::message::MailKind;
use store::invitation::ParticipantInvitation;
use store::secret::{random_token, token_digest};

use crate::i18n::Lang;
use crate::import_words::in_both;
use crate::mail::{Letter, account_mail};

/// How long an imported person's link works: long enough to read a letter sent by post too.
pub const LINK_DAYS: i64 = 30;

/// What importing `text` would do, next to the addresses the town's accounts use.
pub fn plan_of(
    text: &str,
    town: &Municipality,
    taken: &HashSet<String>,
) -> Result<Plan<Invitee>, FileProblem> {
    plan(text, &in_both(&town.eligibility.bases()), taken)
}

/// When the links made now stop working.
pub fn link_expiry(now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(LINK_DAYS)
}

/// Each person's invitation: a fresh link (only its digest is kept) and the mail carrying it,
/// written in `lang` and signed by `inviter`.
pub fn invitations(
    (town, public_url): (&Municipality, &str),
    lang: Lang,
    inviter: &str,
    invitees: &[Invitee],
) -> Vec<ParticipantInvitation> {
    invitees
        .iter()
        .map(|invitee| {
            let token = random_token();
            let link = format!(
                "{}/{}/invitations/{token}",
                public_url.trim_end_matches('/'),
                town.slug
            );
            let letter = Letter::about(
                invitee.display_name.clone(),
                &[
                    ("inviter", inviter.to_owned()),
                    ("link", link),
                    ("days", LINK_DAYS.to_string()),
                ],
            );
            ParticipantInvitation {
                invitee: invitee.clone(),
                token_hash: token_digest(&token),
                mail: account_mail(
                    town,
                    lang,
                    MailKind::ParticipantInvitation,
                    &invitee.email,
                    &letter,
                ),
            }
        })
        .collect()
}
