//! Paths that carry a secret meant for one person (a password-reset, invitation or sign-up
//! link, a private calendar feed) in a segment. Anything that writes a path to a log or the
//! audit log writes [`loggable`] instead, so such a secret never leaves the request.
//!
//! A new secret link: put the segment before its token in [`SECRET_AFTER`].

/// The segment after which a path's next segment is a secret.
pub const SECRET_AFTER: &[&str] = &["password-reset", "invitations", "calendar", "signup"];

/// Whether the path holds a secret segment.
pub fn carries_secret(path: &str) -> bool {
    let segments: Vec<&str> = path.split('/').collect();
    segments
        .windows(2)
        .any(|pair| SECRET_AFTER.contains(&pair[0]) && !pair[1].is_empty())
}

/// The path with every secret segment replaced by `***`.
pub fn loggable(path: &str) -> String {
    let mut hide_next = false;
    path.split('/')
        .map(|segment| {
            let shown = if hide_next && !segment.is_empty() {
                "***"
            } else {
                segment
            };
            hide_next = SECRET_AFTER.contains(&segment);
            shown
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::{carries_secret, loggable};

    #[test]
    fn secret_segments_are_hidden_and_others_kept() {
        assert_eq!(
            loggable("/nagaizumi/password-reset/abc123"),
            "/nagaizumi/password-reset/***"
        );
        assert_eq!(
            loggable("/nagaizumi/invitations/tok"),
            "/nagaizumi/invitations/***"
        );
        assert_eq!(
            loggable("/nagaizumi/calendar/tok.ics"),
            "/nagaizumi/calendar/***"
        );
        assert_eq!(loggable("/nagaizumi/signup/tok"), "/nagaizumi/signup/***");
        assert_eq!(
            loggable("/nagaizumi/password-reset"),
            "/nagaizumi/password-reset"
        );
        assert_eq!(loggable("/nagaizumi/events/3"), "/nagaizumi/events/3");
        assert!(carries_secret("/nagaizumi/invitations/tok"));
        assert!(!carries_secret("/nagaizumi/password-reset"));
        assert!(!carries_secret("/nagaizumi/events/3"));
    }
}
