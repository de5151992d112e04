//! The demo town itself and its announcements.

use chrono::{Duration, Utc};
use domain::NewMunicipality;
use domain::municipality::MunicipalityInput;
use store::announcement::NewAnnouncement;

use crate::DEMO_TOWN;

pub(crate) fn nagaizumi() -> NewMunicipality {
    NewMunicipality::parse(&MunicipalityInput {
        slug: DEMO_TOWN,
        name_ja: "長泉町",
        name_en: "Nagaizumi Town",
        eligibility: "residents_or_workers",
        fiscal_year_start: "4",
        contact_email: "wakucari@nagaizumi.example.jp",
        contact_phone: "055-000-0000",
        prefecture: "",
    })
    .expect("the demo town is valid")
}

pub(crate) fn announcements() -> Vec<NewAnnouncement> {
    let now = Utc::now();
    let item = |days_ago: i64, title_ja: &str, title_en: &str, body_ja: &str, body_en: &str| {
        NewAnnouncement {
            title_ja: title_ja.into(),
            title_en: title_en.into(),
            body_ja: body_ja.into(),
            body_en: body_en.into(),
            published_at: now - Duration::days(days_ago),
        }
    };
    vec![
        item(
            2,
            "託児付き「はじめての再就職セミナー」の参加者を募集します",
            "Join our first return-to-work seminar, with childcare",
            "ブランクがあっても大丈夫です。お子さまは会場内の託児室でお預かりします（0歳から小学生まで）。",
            "A career gap is no problem. Children from 0 to primary-school age are cared for in the childcare room at the venue.",
        ),
        item(
            9,
            "子育て中の方の座談会を開きます",
            "Round-table talk for parents thinking about work",
            "働き方の悩みを、同じ立場の方と気軽に話してみませんか。",
            "Talk freely about work with others in the same situation.",
        ),
        item(
            21,
            "町内の旅館と浴衣着付け教室のプロジェクトが始まりました",
            "A yukata-dressing class project with a local inn has started",
            "お母さんたちのチームが企画から運営までを担当します。",
            "A team of mothers runs it from planning to the day itself.",
        ),
    ]
}
