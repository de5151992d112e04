## Site-wide
site-name = わくキャリ
skip-to-content = 本文へ移動
nav-language-label = 言語の切り替え
language-switch = English
footer-note = 子育てや介護をしながら「働きたい」方を、町と一緒に応援しています。

## Goal tracks
goal-own-pace = 自分のペースで働く
goal-full-return = 完全復職
goal-start-business = 起業

## Towns
towns-title = 参加している町
towns-lead = お住まいの町、またはお勤め先のある町をお選びください。
towns-none = まだ町が登録されていません。運営者が町を登録すると、ここに表示されます。

## Home
home-heading = { $town } わくわくキャリア
home-lead = 子育てや家事、家族の介護をしながら、もう一度働きたいと考えている方のための町の事業です。お一人おひとりの事情に合った働き方を、コーディネーターが一緒に考えます。
home-ways-title = 3つの働き方
home-way-own-pace = 保育園や学校の時間に合わせて、週に数時間から。扶養の範囲内で働きたい方も歓迎します。
home-way-full-return = これまでの経験を生かして、本格的に仕事に戻りたい方へ。
home-way-start-business = 自分の得意を生かして、小さく事業を始めたい方へ。
home-steps-title = 参加の流れ
home-step-hearing = 1. ヒアリング
home-step-hearing-text = コーディネーターが、希望や働ける時間、ご家庭の事情をうかがいます。
home-step-learning = 2. セミナー・講座
home-step-learning-text = 託児付きのセミナーや座談会、講座で、働く準備を進めます。
home-step-introduction = 3. ご紹介
home-step-introduction-text = スキルと事情に合う仕事やプロジェクトをご紹介します。ご本人の同意なく情報を企業に渡すことはありません。
home-orgs-title = 企業・団体の方へ
home-orgs-text = 子育て中・介護中の方の経験と視点を、仕事やプロジェクトに生かしませんか。町内外の企業・NPO・行政機関の皆さまからのご相談をお待ちしています。
home-news-title = お知らせ
home-news-none = 現在、お知らせはありません。
home-contact-title = お問い合わせ
home-contact-email = メール
home-contact-phone = 電話

## Errors
error-back-home = トップページへ戻る
error-400-title = 入力内容を確認してください
error-400-message = リクエストの内容を読み取れませんでした。もう一度お試しください。
error-403-title = このページを表示する権限がありません
error-403-message = ご利用のアカウントでは、このページを表示・操作できません。
error-404-title = ページが見つかりません
error-404-message = お探しのページは、移動または削除された可能性があります。アドレスをご確認ください。
error-405-title = この操作はできません
error-405-message = このページでは、その方法での操作を受け付けていません。
error-409-title = 内容が重複しています
error-409-message = 同じ内容がすでに登録されています。入力内容をご確認ください。
error-408-title = 送信に時間がかかりすぎました
error-408-message = 通信が遅く、内容を受け取れませんでした。通信環境をご確認のうえ、もう一度送信してください。
error-413-title = 送信された内容が大きすぎます
error-413-message = 送信できる量を超えています。内容を減らしてから、もう一度お試しください。
error-422-title = 入力内容を確認してください
error-422-message = 入力内容に誤りがあります。各項目のメッセージをご確認ください。
error-429-title = しばらくお待ちください
error-503-title = ただいま混み合っています
error-503-message = ただいまアクセスが集中しています。少し時間をおいてから、もう一度お試しください。
error-429-message = 短い時間に多くの操作がありました。少し時間をおいてから、もう一度お試しください。
error-500-title = 問題が発生しました
error-500-message = 申し訳ありません。システムで問題が発生しました。時間をおいて、もう一度お試しください。

## Field errors
error-required = 入力してください。
error-too-long = 長すぎます。短くしてください。
error-choose-one = 選択肢から1つ選んでください。
error-email-invalid = メールアドレスの形式で入力してください（例: hanako@example.jp）。
error-month-range = 1から12までの月を入力してください。
error-slug-length = 2文字以上40文字以内で入力してください。
error-slug-characters = 半角の英小文字、数字、ハイフン（-）で入力してください。先頭と末尾にハイフンは使えません。
error-slug-reserved = この名前はシステムで使用しているため使えません。別の名前にしてください。

## Navigation
nav-main-label = サイト内メニュー
nav-my-page = マイページ
nav-sign-in = ログイン
nav-sign-out = ログアウト
nav-signed-in-as = { $name } さん

## Form fields
field-required-mark = （必須）
field-email = メールアドレス
field-password = パスワード
field-password-hint = 10文字以上で入力してください。よく使われるパスワードは使えません。
field-current-password = 現在のパスワード
field-new-password = 新しいパスワード
field-display-name = お名前
field-furigana = ふりがな
field-furigana-hint = ひらがな、またはカタカナで入力してください（例: ながいずみ はなこ）。
field-organization = 企業・団体名
field-organization-hint = 登録済みの名前と同じときは、その企業・団体の担当者として招待します。
field-slug = URL用の名前
field-slug-hint = 半角の英小文字、数字、ハイフンで入力してください（例: nagaizumi）。
field-name-ja = 町の名前（日本語）
field-name-en = 町の名前（英語）
field-eligibility = 参加できる方
field-fiscal-year-start = 年度の始まりの月
field-contact-email = 問い合わせ先メールアドレス
field-contact-phone = 問い合わせ先電話番号

## Roles
role-participant = 参加者
role-organization-member = 企業・団体の担当者
role-coordinator = コーディネーター
role-town-officer = 町の担当者
role-operator = 運営者
role-anonymous = ログインしていない利用者

eligibility-residents = 町内に住んでいる方
eligibility-workers = 町内で働いている方
eligibility-residents-or-workers = 町内に住んでいる方、または町内で働いている方

## Sign-in
signin-title = ログイン
signin-operator-title = 運営者ログイン
signin-submit = ログインする
signin-forgot = パスワードを忘れた方
signin-to-signup = はじめての方（参加登録）
signin-failed = メールアドレスまたはパスワードが正しくありません。
signin-locked = ログインの失敗が続いたため、一時的にログインできません。約{ $minutes }分後に、もう一度お試しください。
notice-password-reset = パスワードを再設定しました。新しいパスワードでログインしてください。
notice-password-changed = パスワードを変更しました。
notice-signed-out = ログアウトしました。

## Sign-up
signup-title = 参加登録
signup-lead = メールアドレスとパスワードを登録すると、マイページが使えるようになります。
signup-submit = 登録する
signup-to-signin = すでに登録済みの方（ログイン）

signup-email-lead = はじめに、メールアドレスを確認します。入力したアドレスに、登録を続けるためのリンクをお送りします。
signup-email-submit = 確認のメールを送る
signup-sent = { $email } にメールをお送りしました。メールに書かれたリンクから登録を続けてください。届かない場合は、迷惑メールのフォルダもご確認ください。
signup-details-lead = メールアドレスを確認しました。お名前とパスワードを登録してください。
signup-verified-email = 登録するメールアドレス: { $email }
signup-already-registered = このメールアドレスはすでに登録されています。ログインしてください。
error-input-control = 「{ $field }」に使えない文字（制御文字や文字の向きを変える記号）が含まれています。取り除いてから、もう一度お送りください。
error-input-control-unnamed = 入力に使えない文字（制御文字や文字の向きを変える記号）が含まれています。取り除いてから、もう一度お送りください。
audit-subjects = 表示された人

## Password reset and change
reset-title = パスワードの再設定
reset-lead = 登録したメールアドレスを入力してください。パスワードを再設定するためのリンクをお送りします。
reset-submit = 再設定のリンクを送る
reset-sent = 入力されたメールアドレスが登録されている場合は、再設定のリンクをお送りしました。メールをご確認ください。リンクの有効期限は1時間です。
reset-new-title = 新しいパスワードの設定
reset-new-submit = パスワードを設定する
password-change-title = パスワードの変更
password-change-submit = 変更する

## Invitations
invitation-title = アカウントの作成
invitation-lead = { $email } 宛てに「{ $role }」として招待されています。お名前とパスワードを設定してください。
invitation-submit = アカウントを作成する
invitation-send = 招待メールを送る
invitation-sent = 招待メールを送信しました。
invitation-recent = 最近の招待
invitation-none = まだ招待はありません。
invitation-col-role = 役割
invitation-col-sent = 招待した日
invitation-col-status = 状態
invitation-status-open = 承諾待ち
invitation-status-accepted = 承諾済み
invitation-status-expired = 期限切れ

## Start pages
participant-home-heading = { $name } さんのマイページ
participant-home-lead = ご登録ありがとうございます。プロフィールの入力やセミナーの予約は、準備が整いしだいこちらからご利用いただけます。
organization-home-heading = { $name } さまのページ
organization-home-lead = 求人やプロジェクトの依頼は、準備が整いしだいこちらから登録していただけます。
coordinator-home-heading = { $name } さん（コーディネーター）
coordinator-home-lead = 参加者の情報を開くと、その記録が監査ログに残ります。
work-queue-title = 今日のお仕事
work-requests-to-review = 審査待ちの募集: { $count }件
work-enquiries-open = 未対応のお問い合わせ: { $count }件
work-not-contacted = まだ連絡していない登録者: { $count }名
work-awaiting-consent = ご本人の同意待ちの紹介: { $count }件
work-awaiting-organization = 事業者の回答待ちの紹介: { $count }件
work-awaiting-outcome = 結果の記録待ちの紹介: { $count }件
work-follow-ups-overdue = 期限を過ぎたフォローアップ: { $count }件
work-follow-ups-this-week = 今週のフォローアップ: { $count }件
work-events-with-places = 今週の空きのあるイベント: { $count }件
work-events-with-waitlist = 今週のキャンセル待ちのあるイベント: { $count }件

## Coordinator
coordinator-participants-title = 参加者一覧
coordinator-participants-lead = ふりがなの順に表示しています。
coordinator-participants-empty = まだ参加者はいません。
coordinator-participants-caption = 参加者
coordinator-participants-registered = 登録日
coordinator-participants-back = 参加者一覧へ戻る
coordinator-participant-logged = この画面を開いたことは、監査ログに記録されています。
coordinator-invitations-title = 企業・団体の担当者の招待
coordinator-invitations-lead = 招待メールのリンクから、担当者ご本人がアカウントを作成します。リンクの有効期限は7日間です。

pager-label = ページ送り
pager-previous = 前のページ
pager-next = 次のページ

## Audit log
audit-title = 監査ログ
audit-lead = 誰が、いつ、どこから、どの記録を見たり変更したりしたかの記録です。記録は追加のみで、変更や削除はできません。
audit-filter-submit = 絞り込む
audit-empty = 該当する記録はありません。
audit-caption = 監査ログ（新しい順）
audit-col-at = 日時
audit-col-actor = 操作した人
audit-col-action = 操作
audit-col-target = 対象
audit-col-from = 接続元
audit-older = さらに古い記録
audit-actor-anonymous = （ログインなし）
audit-action-all = すべて
audit-action-participant = 参加者の情報の閲覧
audit-action-denied = 拒否されたアクセス
audit-action-auth = ログイン・ログアウト
audit-action-account = アカウント
audit-action-invitation = 招待
audit-action-municipality = 町の登録
audit-action-audit-log = 監査ログの閲覧
audit-event-access-denied = アクセスを拒否
audit-event-access-denied-csrf = フォームの確認に失敗した送信を拒否
audit-event-auth-sign-in = ログイン
audit-event-auth-sign-out = ログアウト
audit-event-account-sign-up = 参加登録
audit-event-account-password-changed = パスワードを変更
audit-event-account-password-reset-requested = パスワード再設定を依頼
audit-event-account-password-reset = パスワードを再設定
audit-event-invitation-create = 招待を作成
audit-event-invitation-accepted = 招待を承諾
audit-event-municipality-create = 町を登録
audit-event-audit-log-view = 監査ログを閲覧
audit-event-outbox-view = 送信メールを閲覧
audit-event-participant-list = 参加者の一覧を閲覧
audit-event-participant-view = 参加者の記録を閲覧
audit-event-participant-profile-saved = プロフィールを保存
audit-event-participant-profile-viewed-by-organization = 企業・団体がプロフィールを閲覧
audit-event-participant-hearing-recorded = ヒアリングを記録
audit-event-participant-follow-ups-viewed = フォローアップの予定を閲覧
audit-event-participant-follow-up-scheduled = フォローアップを予定
audit-event-participant-follow-up-done = フォローアップを完了
audit-event-participant-batch-proposals = 一括提案で参加者を閲覧
audit-event-participant-shortlist = 依頼に合う方の候補を閲覧
audit-event-participant-event-bookings-viewed = 催しの申込者を閲覧
audit-event-consent-given = 同意
audit-event-consent-withdrawn = 同意を取り消し
audit-event-introduction-list = ご紹介の一覧を閲覧
audit-event-introduction-viewed = ご紹介を閲覧
audit-event-introduction-drafts-viewed = ご紹介の下書きを閲覧
audit-event-introduction-drafts-saved = ご紹介の下書きを保存
audit-event-introduction-offer = ご紹介
audit-event-introduction-discard = 下書きを見送り
audit-event-introduction-accept = 先方が受け入れ
audit-event-introduction-decline = 見送り
audit-event-introduction-schedule-meeting = 面談を設定
audit-event-introduction-start = 就労・活動を開始
audit-event-introduction-conclude = 結果を記録
audit-event-introduction-cancel = ご紹介を取りやめ
audit-event-introduction-consent = ご本人が同意
audit-event-introduction-decline-offer = ご本人が辞退
audit-event-introduction-withdraw-consent = ご本人が同意を取り消し
audit-event-request-create = 依頼を作成
audit-event-request-edit = 依頼を編集
audit-event-request-submit = 依頼を確認に提出
audit-event-request-withdraw = 依頼を取り下げ
audit-event-request-publish = 依頼を公開
audit-event-request-return = 依頼を差し戻し
audit-event-request-close-filled = 依頼を終了（充足）
audit-event-request-close-expired = 依頼を終了（期限切れ）
audit-event-request-close-withdrawn = 依頼を終了（取り下げ）
audit-event-enquiry-list = 参加のお問い合わせを閲覧
audit-event-enquiry-approve = お問い合わせを承認
audit-event-enquiry-decline = お問い合わせをお断り
audit-event-event-created = 催しを作成
audit-event-event-cancelled = 催しを中止
audit-event-event-edited = 催しを編集
audit-event-event-capacity-changed = 定員を変更
audit-event-event-attendance = 出欠を記録
audit-event-event-booking-confirmed = 催しに申し込み
audit-event-event-booking-waitlisted = 催しにキャンセル待ちで申し込み
audit-event-event-booking-cancelled = 申し込みをキャンセル
audit-event-event-booking-cancelled-by-staff = 職員が申し込みをキャンセル
audit-target-account = アカウント
audit-target-participant = 参加者
audit-target-session = ログイン
audit-target-route = ページ
audit-target-invitation = 招待
audit-target-municipality = 町
audit-target-audit-log = 監査ログ
audit-target-outbox = 送信メール
audit-target-introduction = ご紹介
audit-target-request = 依頼
audit-target-enquiry = お問い合わせ
audit-target-event = 催し
audit-target-booking = 申し込み
audit-target-hearing = ヒアリング
audit-target-follow-up = フォローアップ
audit-target-consent = 同意

## Outbox
outbox-title = 送信メール
outbox-lead = メールは宛先の方にだけ届けます。本人だけが使うリンクが含まれることがあるため、本文はここに表示しません。
outbox-empty = 送信メールはありません。
outbox-status-sent = 送信済み
outbox-status-waiting = 送信待ち
outbox-status-retrying = 再送待ち
outbox-attempts = { $count }回目
outbox-to = 宛先:
outbox-subject = 件名:

## Operator
operator-title = 運営者コンソール
operator-towns = 町
operator-towns-none = まだ町はありません。下のフォームから登録してください。
operator-new-town = 町の登録
operator-create-town = 町を登録する
operator-town-created = 町を登録しました。最初のコーディネーターを招待してください。
operator-invite-email = 招待する方のメールアドレス

## More errors
error-csrf-title = もう一度お試しください
error-csrf-message = フォームの有効期限が切れたか、正しくない送信でした。ページを読み込み直してから、もう一度送信してください。
error-gone-title = このリンクは使えません
error-gone-message = リンクの有効期限が切れているか、すでに使用されています。お手数ですが、もう一度お手続きください。
error-email-taken = このメールアドレスはすでに登録されています。ログインするか、パスワードを再設定してください。
error-slug-taken = このURL用の名前はすでに使われています。
error-furigana-kana-only = ひらがな、またはカタカナで入力してください。
error-password-too-short = 10文字以上で入力してください。
error-password-too-long = 128文字以内で入力してください。
error-password-too-common = よく使われていて推測されやすいパスワードです。別のパスワードにしてください。
error-password-current-wrong = 現在のパスワードが正しくありません。
error-invitation-email-taken = このメールアドレスのアカウントはすでにあります。ログインしてください。

## Mail
mail-password-reset-subject = 【{ $town } わくキャリ】パスワードの再設定
mail-password-reset-body =
    { $name } さま

    パスワードの再設定のお申し込みを受け付けました。
    次のリンクを開いて、新しいパスワードを設定してください（有効期限: { $minutes }分）。

    { $link }

    お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。

    { $town } わくキャリ
mail-invitation-subject = 【{ $town } わくキャリ】アカウント作成のご案内
mail-invitation-body =
    { $inviter } さんから、{ $town } わくキャリに「{ $role }」として招待されました。
    次のリンクを開いて、お名前とパスワードを設定してください（有効期限: { $days }日）。

    { $link }

    お心当たりがない場合は、このメールを破棄してください。

    { $town } わくキャリ

mail-signup-verify-subject = 【{ $town } わくキャリ】参加登録のご案内
mail-signup-verify-body =
    { $town } わくキャリへの参加登録のお申し込みを受け付けました。
    次のリンクを開いて、お名前とパスワードを登録してください（有効期限: { $hours }時間）。

    { $link }

    お心当たりがない場合は、このメールを破棄してください。登録は行われません。

    { $town } わくキャリ
mail-signup-existing-subject = 【{ $town } わくキャリ】すでに登録されています
mail-signup-existing-body =
    { $name } さま

    このメールアドレスで参加登録のお申し込みがありましたが、すでに登録済みです。
    次のリンクからログインしてください。パスワードをお忘れの場合は、ログイン画面から再設定できます。

    { $link }

    お心当たりがない場合は、このメールを破棄してください。

    { $town } わくキャリ

## Demo
demo-title = デモ用アカウント
demo-lead = これはデモ環境です。次のアカウントで、それぞれの立場の画面を試せます。実在の方の情報は入力しないでください。
demo-caption = デモ用アカウントの一覧
home-signup = 参加登録はこちら

## Common
yes = はい
no = いいえ
none = なし
field-choose = 選択してください
filter-any = 指定なし

## Days
day-mon = 月
day-tue = 火
day-wed = 水
day-thu = 木
day-fri = 金
day-sat = 土
day-sun = 日

## Registration: eligibility and consent
eligibility-basis-lives = 町内に住んでいます
eligibility-basis-works = 町内で働いています
field-privacy-consent = 個人情報の取り扱いに同意します
field-privacy-consent-hint = 「個人情報の取り扱いについて」をお読みのうえ、同意してください。同意はあとからマイページで取り消せます。
error-eligibility-not-admitted = この町の事業に参加できる条件を選んでください。
error-privacy-consent-required = 登録するには、個人情報の取り扱いへの同意が必要です。

## Privacy statement
privacy-title = 個人情報の取り扱いについて
privacy-version = 版: { $version }
privacy-purpose = この事業では、子育てや家事、介護をしながら働きたい方に、仕事やプロジェクト、セミナーをご紹介するために、必要な範囲で個人情報をお預かりします。
privacy-collect = お預かりするのは、お名前とふりがな、連絡先、郵便番号、目指す働き方、これまでの経験とスキル、働ける曜日と時間帯、働きたい時間数、収入の上限、通勤の条件、託児が必要なお子さまの人数（年齢区分ごと）です。
privacy-never = 病気や障がい、診断などの健康に関する情報（要配慮個人情報）はお預かりしません。ご家族の介護やお子さまの事情は、働ける時間として入力していただくだけで、理由を書く必要はありません。
privacy-children = お子さまについては、年齢区分ごとの人数だけをお預かりし、お名前や健康のことはお預かりしません。
privacy-sharing = 企業・団体にあなたの情報を渡すのは、ご紹介のたびにあなたが同意したときだけです。いつ、どの企業・団体に、何を渡したかを記録し、あなたも確認できます。
privacy-staff = コーディネーターや町の担当者があなたの情報を見たときは、すべて記録されます。記録は変更も削除もできません。
privacy-rights = ご自身の情報は、いつでもマイページで確認・修正できます。情報の書き出しや削除をご希望のときは、町の担当窓口にお申し出ください。
privacy-withdraw = 同意はマイページの「同意の確認・取り消し」から取り消せます。取り消した後は、新しいご紹介の対象になりません。

## Participant pages
me-profile-todo = まず、プロフィールを入力してください。働ける時間やスキルが分かると、合う仕事やプロジェクトをご紹介しやすくなります。
me-profile-done = プロフィールはいつでも更新できます。状況が変わったら、お気軽に直してください。
me-consent-withdrawn = 個人情報の取り扱いへの同意を取り消しています。新しいご紹介をご希望のときは、同意し直してください。
profile-title = プロフィール
profile-lead = 入力した内容は、コーディネーターがご紹介先を考えるときに使います。分かる範囲で大丈夫です。
profile-saved = プロフィールを保存しました。
profile-save = 保存する
profile-not-filled = 未入力
profile-section-basics = 基本情報と目指す働き方
profile-section-experience = これまでの経験
profile-experience-lead = 子育てや家事、介護、PTAや地域の活動も、立派な経験です。ブランク（仕事から離れていた期間）も経験の一つとして書いてください。
profile-section-skills = スキル
profile-skills-lead = できることを選び、レベルを選んでください。育児や家事、PTAで身につけたことも選べます。
profile-section-time = 働ける時間
profile-grid-lead = 働ける時間帯にチェックを入れてください（30分ごと、6時〜22時）。保育園や学校に行っている時間だけ、なども大丈夫です。
profile-grid-caption = 1週間の働ける時間
profile-grid-time = 時刻
profile-section-income = 収入の上限（扶養の範囲）
profile-section-place = 働く場所と通勤
profile-section-children = 託児が必要なお子さま
profile-children-lead = 年齢区分ごとの人数だけを入力してください。お名前や健康のことは入力しないでください。
field-phone = 電話番号
field-phone-hint = 任意です。メールでの連絡を基本とします。
field-postal-code = 郵便番号
field-postal-code-hint = 例: 411-0943
field-goal-track = 目指す働き方
field-work-history = これまでの仕事や活動
field-work-history-hint = 例: 事務職5年、PTA会計2年、自治会の広報誌づくり
field-career-gap-years = ブランクの長さ（年）
field-career-gap-hint = 仕事から離れていた期間です。経験として扱います。
field-career-gap-months = ブランクの長さ（か月）
field-max-hours-per-week = 1週間に働きたい時間の上限（時間）
field-earliest-start = 働き始められる日
field-income-cap = 年収の壁（守りたいもの）
field-income-cap-hint = 扶養の範囲などで働きたいときは、守りたいものを選んでください。金額は法律で決まっていて、変わったときはこちらで新しい基準に合わせます。
field-income-cap-yen = 年収の上限（円、「金額を自分で決める」のとき）
field-expected-hourly-wage = 想定する時給（円）
field-expected-hourly-wage-hint = 上限を選んだときは入力してください。1週間に働ける時間の目安を計算します。
income-cap-summary = 目安: { $rule }。時給{ $wage }円なら、1週間に約{ $hours }時間までです。
income-cap-rule-only = 目安: { $rule }。想定する時給を入力すると、1週間に働ける時間の目安をお伝えします。
wall-test-annual-salary = 給与の年収{ $amount }まで（通勤手当は含みません）
wall-test-annual-income = 通勤手当を含む年収{ $amount }未満
wall-test-employee-insurance = 月の賃金{ $amount }未満、かつ週{ $hours }時間未満
wall-rule-dated = { $test }。{ $date }からの基準です
income-cap-with-rule = { $cap } — 目安: { $rule }
match-cap-hours = 最大週{ $hours }時間までなら、年収の壁の範囲内です（目安）。
field-work-place = 働く場所
field-commute-minutes = 通勤にかけられる時間（分）
field-home-area = お住まいの地区
field-home-area-hint = 通勤にかかる時間の目安を出すために使います。
field-home-area-unset = 選択しない
field-drives = 車を運転できます
field-children-age0 = 0歳
field-children-age1-2 = 1〜2歳
field-children-age3-5 = 3〜5歳
field-children-school = 小学生
field-cares-for = 介護や見守りをしているご家族
field-cares-for-hint = 働ける時間を考えるためだけに使います。病気やご様子などは入力しないでください。
care-for-elder = 高齢のご家族
care-for-family = ほかのご家族（障がいや病気のあるご家族など）
field-skill = スキル
field-skill-none = （選択しない）
field-skill-level = レベル
field-skill-evidence = どこで身につけたか（任意）
skill-level-1 = 1: 少し経験がある
skill-level-2 = 2: ひととおりできる
skill-level-3 = 3: 仕事として任せられる
skill-level-4 = 4: 人に教えられる
skill-level-short = レベル{ $level }
skill-verified = 確認済み
income-cap-none = 特に気にしない
income-cap-partner-insurance = 夫・妻の健康保険の扶養のままでいたい
income-cap-spouse-deduction = 夫・妻が配偶者控除を受けられる範囲にしたい
income-cap-spouse-special-deduction = 夫・妻が配偶者特別控除を受けられる範囲にしたい
income-cap-own-income-tax = 自分に所得税がかからない範囲にしたい
income-cap-resident-tax = 自分に住民税がかからない範囲にしたい
income-cap-social-insurance = 勤め先の社会保険に入らない範囲にしたい
income-cap-custom = 金額を自分で決める
work-place-remote = 在宅・リモート
work-place-on-site = 通勤して働く
work-place-either = どちらでもよい
age-band-age0 = 0歳
age-band-age1-2 = 1〜2歳
age-band-age3-5 = 3〜5歳
age-band-school = 小学生
skill-group-care-derived = 育児・家事・介護・地域活動で身につけたこと
skill-group-office = 事務
skill-group-it = IT・パソコン
skill-group-sales = 販売・接客・営業
skill-group-communication = 広報・コミュニケーション
skill-group-language = 語学
skill-group-creative = デザイン・ものづくり
skill-group-hospitality = 観光・宿泊・イベント
skill-group-food = 調理・食品
skill-group-education = 保育・教育
skill-group-care = 介護・福祉
skill-group-health = 医療・健康
skill-group-manufacturing = 製造・軽作業・運転
skill-group-business = 起業・経営
error-phone-invalid = 数字とハイフンで入力してください。
error-postal-code-invalid = 7桁の郵便番号を入力してください（例: 411-0943）。
error-career-gap-invalid = 年は0〜50、か月は0〜11の数字で入力してください。
error-hours-invalid = 0〜60の数字で入力してください。
error-hours-over-60 = 1週間に60時間を超える時間は入力できません。
error-availability-empty = 働ける時間帯を1つ以上選んでください。働く時間を0にする場合は、上限を0にしてください。
error-hours-over-availability = 選んだ時間帯の合計より長い時間は入力できません。時間帯を増やすか、時間を減らしてください。
error-date-invalid = 日付を入力してください（例: 2027-04-01）。
error-date-in-past = 今日以降の日付を入力してください。
error-date-in-future = 今日までの日付を入力してください。
error-wage-invalid = 1円以上の金額を数字で入力してください。
error-income-cap-amount = 「金額を自分で決める」を選んだときは、年収の上限の金額を入力してください。
error-income-cap-needs-wage = 年収の壁を選んだときは、想定する時給も入力してください。
error-commute-invalid = 0〜240分の数字で入力してください。
error-children-invalid = 0〜9の数字で入力してください。
error-skill-unknown = 一覧にないスキル、またはレベルが選ばれています。選び直してください。

## Consent
consent-title = 同意の確認・取り消し
consent-lead = これまでに同意した内容です。
consent-caption = 同意の記録
consent-col-kind = 内容
consent-col-version = 版
consent-col-given = 同意した日時
consent-col-withdrawn = 取り消した日時
consent-kind-privacy-policy = 個人情報の取り扱い
consent-withdraw-explain = 同意を取り消すと、新しいご紹介の対象になりません。これまでの記録は残ります。
consent-withdraw = 同意を取り消す
consent-give-explain = 現在、同意を取り消しています。ご紹介を希望されるときは、同意し直してください。
consent-give = 同意し直す
consent-withdrawn-notice = 同意を取り消しました。
consent-given-notice = 同意しました。

## Coordinator: participants and casework
coordinator-last-contact = 最終連絡日
coordinator-consent-withdrawn = この方は個人情報の取り扱いへの同意を取り消しています。ご紹介はできません。
field-goal = 目指す働き方
field-day = 働ける曜日
field-gap = ブランクの長さ
field-contact = 連絡していない期間
filter-gap-under1 = 1年未満
filter-gap-1to5 = 1年以上6年未満
filter-gap-over5 = 6年以上
filter-contact-days = { $days }日以上
filter-contact-never = まだ連絡していない（新しい登録）
gap-years-months = { $years }年{ $months }か月
hearing-record = ヒアリングの記録
field-held-on = 実施日
field-goals = 希望・目標
field-worries = 不安なこと
field-constraints-confirmed = 働ける時間などの条件を確認しました
field-notes = メモ
field-follow-up-on = 次のフォローアップの日
field-follow-up-on-hint = 任意です。入力すると、あなたのフォローアップ予定に追加されます。
field-follow-up-note = フォローアップの内容
hearing-confirm-skills = 確認したスキル（チェックすると「確認済み」になります）
hearing-save = ヒアリングを記録する
hearing-saved = ヒアリングを記録しました。
hearings-title = ヒアリングの履歴
hearings-none = まだヒアリングの記録はありません。
follow-ups-title = フォローアップ
follow-ups-none = 予定はありません。
follow-up-add = フォローアップを追加する
follow-up-saved = フォローアップを追加しました。
follow-up-done = 完了
follow-up-mark-done = 完了にする
follow-up-overdue = 期限切れ
field-due-on = 期日
field-note = 内容
follow-ups-due-title = あなたのフォローアップ予定（7日以内と期限切れ）
follow-ups-due-none = 近日中のフォローアップはありません。
timeline-title = これまでの経過
timeline-registered = 参加登録（{ $detail }）
timeline-goal-track = 目指す働き方を変更（{ $detail }）
timeline-profile-updated = プロフィールを更新
timeline-consent-withdrawn = 同意を取り消し（{ $detail }）
timeline-consent-given = 同意（{ $detail }）
timeline-hearing = ヒアリング（{ $detail }）
timeline-follow-up-scheduled = フォローアップを予定（{ $detail }）
timeline-follow-up-done = フォローアップ完了
timeline-course-completed = 講座を修了（{ $detail }）
timeline-introduced = 依頼にご紹介
timeline-introduction = ご紹介の経過: { $step }
timeline-booked = 催しの申し込み: { $detail }（{ $status }）
close-reason-filled = 充足
close-reason-withdrawn = 取り下げ
close-reason-expired = 期限切れ

## Requests: fields
field-title = タイトル
field-title-hint = 例: 平日午前の客室準備スタッフ
field-description = 仕事・プロジェクトの内容
field-description-hint = どんな仕事か、どんな方に向いているかを、具体的に書いてください。
field-work-mode = 働き方
field-location-area = 勤務地（地区名）
field-location-area-hint = 例: 下土狩。在宅・リモートのみの場合は空欄で構いません。
field-hours-min = 1週間の時間（最小・時間）
field-hours-max = 1週間の時間（最大・時間）
field-days-per-week = 1週間の出勤日数
field-shift-rule = シフトの組み方
field-shift-rule-hint = 選んだ時間帯をすべて働く（固定）か、その中から選んで働く（シフト制・週◯日から）かを選んでください。選ばないときは、時間帯の合計が最小時間より長ければシフト制として扱います。
field-shortest-shift-hours = 1回の勤務の最短時間（時間）
field-shortest-shift-hours-hint = シフト制で、時間帯の一部だけ働くこともできるときに入力してください（例: 3）。空欄なら、時間帯はまるごと担当します。
shift-rule-implied = 時間から判断する
shift-rule-all-required = 固定のシフト（すべての時間帯）
shift-rule-choose-from = シフト制（時間帯から選ぶ）
request-shifts-shortest = { $rule }（1回{ $hours }時間から）
field-start-date = 開始日
field-flexible = 時間帯は自由（週の時間数だけ決まっている）
field-contract = 契約の形
field-pay-unit = 給与の単位
field-pay-yen = 金額（円）
field-pay-yen-hint = 時給の場合、県の最低賃金以上にしてください。
field-headcount = 募集人数
field-commuting-allowance = 通勤手当（月額・円）
field-commuting-allowance-hint = 支給するときは入力してください。健康保険の扶養（130万円）の判定には通勤手当も含まれるため、働ける時間の目安に使います。
field-deliverable = 成果物
field-team-min = チームの人数（最小）
field-team-max = チームの人数（最大）
field-milestones = 予定（マイルストーン）
field-milestones-hint = 例: 1月 企画、2月 試作、3月 納品
field-budget-yen = 予算（円）
field-meeting-mode = 打ち合わせの方法
field-meeting-hours = 打ち合わせに必要な時間（週・時間）
field-meeting-hours-hint = チーム全員がそろって打ち合わせる時間です。
field-skill-min-level = 必要なレベル
field-comment = コメント（企業・団体に表示されます）
field-comment-hint = 差し戻すときは、直してほしい点を書いてください。
field-organization-name = 企業・団体名
field-organization-kind = 種別
field-organization-location = 所在地
field-contact-person = ご担当者名
field-message = ご相談内容
field-message-hint = どんな仕事やプロジェクトを考えているか、分かる範囲でお書きください。
field-prefecture = 都道府県（最低賃金の確認に使います）
field-kind = 種類
field-days = 出勤日数
field-ends-by = 終わる時刻
filter-remote = 在宅・リモート可
filter-days-at-most = 週{ $days }日以内
filter-ends-by = { $hour }時までに終わる

## Requests: values
request-kind = 種類
request-kind-job = 求人
request-kind-team-project = プロジェクト
request-status = 状態
request-status-draft = 下書き
request-status-submitted = 審査待ち
request-status-published = 公開中
request-status-closed-filled = 終了（決定）
request-status-closed-withdrawn = 終了（取り下げ）
request-status-closed-expired = 終了（期限切れ）
work-mode-on-site = 出勤
work-mode-remote = 在宅・リモート
work-mode-hybrid = 出勤と在宅の組み合わせ
contract-employment = 正社員・契約社員
contract-part-time = パート・アルバイト
contract-temporary = 期間限定
contract-outsourcing = 業務委託
pay-unit-hourly = 時給
pay-unit-monthly = 月給
pay-unit-per-project = 案件ごと
pay-hourly = 時給 { $amount }
pay-monthly = 月給 { $amount }
pay-per-project = 1件 { $amount }
meeting-mode-on-site = 集まって打ち合わせ
meeting-mode-online = オンライン
flag-within-income-cap = 扶養内OK
flag-career-gap-welcome = ブランクOK
flag-sudden-absence-covered = 急な休みに対応
flag-children-welcome = 子連れ可
organization-kind-company = 企業
organization-kind-npo = NPO・団体
organization-kind-government = 行政機関
organization-kind-other = その他
organization-location-in-town = 町内
organization-location-in-japan = 町外（国内）
organization-location-abroad = 海外

## Requests: pages
request-form-job = 求人の登録
request-form-project = プロジェクトの登録
request-save = 保存する
request-saved = 保存しました。
request-moved = 状態を更新しました。
request-stale = この依頼はすでに別の操作で更新されていました。最新の状態をご確認ください。
request-section-main = 内容
request-section-flags = 子育て・介護中の方への配慮
request-flags-lead = あてはまるものを選んでください。参加者が探すときの条件になります。
request-section-skills = 必要なスキル
request-required-skills = 必須のスキル
request-nice-skills = あると望ましいスキル
request-section-place = 場所
request-section-time = 時間
request-windows-lead = 働く時間帯にチェックを入れてください。時間帯が自由な場合は、上の「時間帯は自由」を選んでください。
request-windows-caption = 働く時間帯
request-section-job = 求人の条件
request-section-project = プロジェクトの条件
request-new-job = 求人を登録する
request-new-project = プロジェクトを登録する
request-mine = 登録した依頼
request-none = 依頼はありません。
request-edit = 内容を編集する
request-next-step = 次の手続き
request-history = これまでの経過
request-hours = 1週間の時間
request-hours-range = 週{ $min }〜{ $max }時間
request-hours-per-week = 週{ $hours }時間
request-days = 週{ $days }日
request-people = { $count }名
request-team-size = チームの人数
request-team-range = { $min }〜{ $max }名
request-schedule = 時間帯
request-updated = 更新日
request-queue-title = 依頼の審査
request-tab-submitted = 審査待ち
request-tab-published = 公開中
request-tab-draft = 下書き
request-tab-closed = 終了
request-tab-all = すべて
request-action-created = 作成
request-action-edited = 編集
request-action-submit = 審査を依頼する
request-action-withdraw = 取り下げる
request-action-return = 差し戻す
request-action-publish = 公開する
request-action-close = 終了
request-action-close-filled = 終了する（決定）
request-action-close-expired = 終了する（期限切れ）
request-action-close-withdrawn = 終了する（取り下げ）
request-close-title = この依頼を終了しますか
request-close-lead = 終了した依頼は元に戻せません。もう一度募集するときは、新しく依頼を作成してください。
request-close-back = 終了せずに依頼のページへ戻る
request-close-what-withdraw = 依頼を取り下げます。審査や公開は行われなくなり、公開中の場合は求人の一覧から外れます。
request-close-what-withdrawn = 企業・団体からのお申し出により、この依頼を取り下げとして終了します。求人の一覧から外れます。
request-close-what-filled = 募集した方が決まったものとして、この依頼を終了します。求人の一覧から外れ、新しいご紹介はできなくなります。
request-close-what-expired = 募集期間が過ぎたものとして、この依頼を終了します。求人の一覧から外れ、新しいご紹介はできなくなります。
field-close-comment = 理由・ひとこと（任意）
field-close-comment-hint-coordinator = 依頼の履歴に残り、企業・団体にも表示されます。
field-close-comment-hint-organization = 依頼の履歴に残り、コーディネーターにも表示されます。
requests-title = 仕事・プロジェクトを探す
requests-lead = 子育てや介護をしながら働ける仕事とプロジェクトです。応募はコーディネーターを通して行います。
requests-search = 絞り込む
requests-none = 条件に合う仕事・プロジェクトは、今はありません。
requests-back = 一覧へ戻る
requests-how-to-apply = 興味のある方は、参加登録のうえ、コーディネーターにご相談ください。企業・団体の連絡先はここには載せていません。

## Enquiries
enquiry-title = 企業・団体の方へ
enquiry-lead = 子育て中・介護中の方と一緒に取り組みたい仕事やプロジェクトのご相談をお受けしています。コーディネーターから折り返しご連絡します。
enquiry-submit = 相談を送る
enquiry-sent = ご相談を受け付けました。コーディネーターからご連絡します。
enquiries-title = 企業・団体からの相談
enquiries-none = 相談はありません。
enquiry-received = 受付日
enquiry-approve = 登録して招待する
enquiry-decline = お断りする
enquiry-approved = 企業・団体を登録し、ご担当者に招待メールを送りました。
enquiry-declined = この相談をお断りとしました。
enquiry-name-taken = 同じ名前の企業・団体がすでに登録されています。
enquiry-status-new = 未対応
enquiry-status-approved = 登録済み
enquiry-status-declined = お断り

## Request errors
error-windows-empty = 働く時間帯を選ぶか、「時間帯は自由」を選んでください。
error-windows-shorter-than-hours = 選んだ時間帯が、1週間の最小時間より短くなっています。
error-shift-hours-invalid = 1〜12の数字で入力してください。
error-shift-hours-need-pool = 最短時間は、シフト制のときだけ入力できます。
error-commuting-allowance-invalid = 0〜150,000の数字で入力してください。
error-days-invalid = 1〜7の数字で入力してください。
error-hours-min-over-max = 最小の時間が最大の時間を超えています。
error-project-needs-skills = プロジェクトには必須のスキルを1つ以上選んでください。
error-headcount-invalid = 1〜100の数字で入力してください。
error-pay-below-minimum-wage = 県の最低賃金を下回っています。金額を見直してください。
error-team-size-invalid = 1〜20の数字で入力してください。
error-team-min-over-max = 最小の人数が最大の人数を超えています。
error-meeting-hours-invalid = 0〜20の数字で入力してください。

request-new-job-behalf = 企業・団体に代わって求人を登録する
request-new-project-behalf = 企業・団体に代わってプロジェクトを登録する

## Matching
match-candidates-title = 候補者（マッチング）
match-candidates-lead = 働ける時間・収入の上限・通勤などの条件をすべて満たす方を、スキルや働き方の合い具合の順に表示しています。最近ご紹介が多い方は少し後ろになります。
match-none = 条件を満たす参加者は、今はいません。
match-score = 適合度 { $score }
match-team-title = チームの提案
match-team-meeting = 全員が打ち合わせできる時間:
match-team-coverage = スキルごとの担当
match-team-coverage-skill = スキル
match-team-coverage-by = 担当できる方
match-team-covered-by-nobody = チーム内にはまだいません
match-team-skill-required = 必須
match-team-skill-nice = 望ましい
match-team-not-proven = 候補者が多いため、探索の上限で止めた結果です。
match-team-summary = { $people }人で必要なスキルをすべてカバーし、週{ $hours }時間の打ち合わせできる時間を共有しています。
match-team-nice = あると望ましいスキルも{ $count }つカバーしています。
match-team-none = この条件で組めるチームは見つかりません。必要なスキル、人数、打ち合わせの時間を見直してください。
match-team-stopped = 候補者が多いため、探索の上限までにチームを見つけられませんでした。条件を絞ってもう一度お試しください。
match-shifts = 担当できるシフト: { $shifts }
match-suggestions-title = この方に合う仕事・プロジェクト
match-suggestions-none = 条件を満たす仕事・プロジェクトは、今はありません。プロフィールの入力状況もご確認ください。
match-reason-skills-match = 必須スキルを満たしています
match-reason-fits-schedule = 働ける時間に収まります
match-reason-goal-fit = 目指す働き方に合います
match-reason-within-income-cap = 扶養内OK
match-reason-career-gap-welcome = ブランクOK
match-reason-sudden-absence-covered = 急な休みに対応
match-reason-children-welcome = 子連れ可
match-reason-hours-reduced-for-cap = 扶養の範囲に合わせて時間を短くできます
match-reason-chooses-shifts = 働く日や時間帯を選べます
match-reason-grows-skills = 新しいスキルが身につきます
match-reduced-hours = 週{ $hours }時間までにすると、年収の壁の範囲内です（目安）
match-gap-required = 必須: { $skill } はレベル{ $needed }が必要です（現在{ $has }）
match-gap-nice = 望ましい: { $skill } レベル{ $needed }（現在{ $has }）

proposals-title = 一括提案（マッチング）
proposals-lead = 町全体で、条件をすべて満たす組み合わせのうち、適合度の合計がいちばん高くなるご紹介案です（進行中のご紹介と合わせて1人あたり最大{ $count }件、各依頼の募集人数まで）。適合度の高い順に並んでいます。保存しないものはチェックを外してから、下書きとして保存してください。

## Introductions (紹介)
nav-notifications = お知らせ
nav-unread = 未読 { $count } 件
introductions-title = ご紹介
introductions-none = ご紹介はまだありません。
introductions-mine-title = あなたへのご紹介
introductions-mine-lead = コーディネーターからのご紹介です。内容を確認して、プロフィールを先方にお伝えしてよいかお答えください。お答えいただくまで、先方にあなたの情報は伝わりません。
introduction-filter-all = すべて
introduction-filter-label = 状況で絞り込む
introduction-kind-person = 個人でのご紹介
introduction-kind-team = チームでのご紹介
introduction-see-request = 依頼の内容を見る
introduction-status = 状況
introduction-fit = 適合度
introduction-why = 合っている点
introduction-members = ご紹介する方
introduction-meeting = 面談
introduction-started = 開始日
introduction-outcome = 結果
introduction-status-draft = 下書き
introduction-status-offered = ご本人の回答待ち
introduction-status-consented = 同意済み・受け入れの回答待ち
introduction-status-accepted = 受け入れ決定
introduction-status-meeting-scheduled = 面談予定
introduction-status-engaged = 就労・活動中
introduction-status-concluded = 結果記録済み
introduction-status-discarded = 見送り（下書き）
introduction-status-declined-by-participant = ご本人が辞退
introduction-status-declined-by-organization = 先方が見送り
introduction-status-withdrawn = 同意の取り消し
introduction-status-cancelled = 取りやめ
member-status-offered = 回答待ち
member-status-consented = 同意済み
member-status-declined = 辞退
member-status-withdrawn = 同意を取り消し
introduction-action-draft = 一括提案から下書きを作成
introduction-action-offer = ご本人にご紹介
introduction-action-discard = 下書きを見送り
introduction-action-accept = 先方が受け入れ
introduction-action-decline = 先方が見送り
introduction-action-schedule-meeting = 面談を設定
introduction-action-start = 就労・活動を開始
introduction-action-conclude = 結果を記録
introduction-action-cancel = ご紹介を取りやめ
introduction-action-consent = ご本人が同意
introduction-action-decline-offer = ご本人が辞退
introduction-action-withdraw-consent = ご本人が同意を取り消し
introduction-do-offer = ご本人にご紹介する
introduction-do-discard = 見送る
introduction-do-accept = 受け入れる
introduction-do-decline = 今回は見送る
introduction-do-schedule-meeting = 面談を設定する
introduction-do-start = 開始を記録する
introduction-do-conclude = 結果を記録する
introduction-do-cancel = ご紹介を取りやめる
introduction-cancel-title = ご紹介の取りやめ
introduction-cancel-lead = 取りやめると、紹介した方に理由とともにお知らせが届きます。元に戻せません。
introduction-cancel-members = お知らせする方
introduction-cancel-start = 取りやめの手続きへ進む
introduction-cancel-back = 取りやめずに戻る
field-introduction-cancel-reason = 取りやめの理由
field-introduction-cancel-reason-hint = ご本人へのお知らせに載ります。例: 募集が締め切られたため
introduction-done-created = ご紹介しました。ご本人にお知らせが届きます。
introduction-done-moved = 記録しました。
introduction-done-stale = 状況が変わっていたため、操作は反映されませんでした。最新の内容をご確認ください。
introduction-done-duplicate = この方は、この依頼にすでにご紹介中です。
introduction-done-consent = 同意を受け付けました。先方にプロフィールをお伝えします。
introduction-done-decline = 辞退を受け付けました。ご回答ありがとうございました。
introduction-done-withdraw = 同意を取り消しました。先方はあなたのプロフィールを見られなくなりました。
introduction-consent-title = プロフィールを先方に伝えてよいですか
introduction-consent-lead = 同意いただくと、{ $organization }に次の情報をお伝えします。ほかの団体には伝わりません。
introduction-consent-note = 電話番号・メールアドレス・住所・お子さまの情報はお伝えしません。同意はいつでも取り消せます。
introduction-consent-agree = { $organization }に上の情報を伝えることに同意します
introduction-answer-consent = 同意して先方に伝える
introduction-answer-decline = 今回は辞退する
introduction-withdraw-title = 同意の取り消し
introduction-withdraw-lead = 取り消すと、{ $organization }はあなたのプロフィールを見られなくなります。
introduction-answer-withdraw = 同意を取り消す
introduction-respond-title = このご紹介へのお返事
introduction-meeting-title = 面談の設定
introduction-start-title = 就労・活動の開始
introduction-outcome-title = 結果の記録
introduction-outcome-lead = 就労につながった場合は、3か月・6か月・12か月後のフォローアップが予定に入ります。
introduction-follow-ups = その後のフォローアップ
follow-up-outcome-check = 就労後{ $months }か月のフォローアップ
error-introduction-consent-required = 先方に伝えるには、同意のチェックが必要です。
field-decline-reason = 辞退の理由（任意）
field-decline-reason-hint = 差し支えなければお書きください。今後のご紹介の参考にします。
field-meeting-date = 面談日
field-meeting-time = 開始時刻
field-meeting-place = 場所
field-meeting-place-hint = 例: 本館ロビー、オンライン（リンクは別途お知らせ）
field-started-on = 開始日
field-hours-per-week = 1週間の就労時間
field-hours-per-week-hint = 就労につながった場合に入力してください（1〜60時間）。
field-pay-band = 時給の目安
field-reason = つながらなかった理由
field-outcome-reason-hint = 「就労につながらなかった」を選んだときに選んでください。
field-by-email = メールで受け取る
field-in-app = このサイトのお知らせで受け取る
error-time-invalid = 時刻を入力してください（例: 10:30）。
error-hours-per-week-invalid = 1〜60の数字で入力してください。
error-channel-required = 受け取り方法を1つ以上選んでください。
outcome-kind-own-pace = 自分のペースで就労
outcome-kind-full-return = 完全復職
outcome-kind-business-started = 起業・開業
outcome-kind-not-placed = 就労につながらなかった
outcome-reason-schedule = 時間・日程が合わなかった
outcome-reason-pay-or-conditions = 給与・条件が合わなかった
outcome-reason-childcare-or-care = 子育て・介護の事情
outcome-reason-organization-choice = 先方の判断
outcome-reason-participant-choice = ご本人の判断
outcome-reason-other = その他
outcome-hours = 週{ $hours }時間
pay-band-under-1100 = 時給1,100円未満
pay-band-1100-1299 = 時給1,100〜1,299円
pay-band-1300-1499 = 時給1,300〜1,499円
pay-band-1500-1999 = 時給1,500〜1,999円
pay-band-2000-plus = 時給2,000円以上
shared-item-name = お名前（ふりがな）
shared-item-skills = スキル
shared-item-work-history = これまでの仕事や活動
shared-item-availability = 働ける時間帯
shared-item-hours = 1週間に働ける時間
shared-item-goal-track = 目指す働き方
shared-item-work-place = 働く場所の希望
shared-hours = 週{ $hours }時間まで
provision-records-title = 情報提供の記録
provision-records-lead = あなたの同意にもとづいて、どの団体にどの情報をいつ伝えたかの記録です（個人情報保護法にもとづく第三者提供の記録）。
provision-records-none = まだ、どの団体にも情報を伝えていません。
provision-organization = 提供先
provision-items = 伝えた情報
provision-provided = 提供日時
provision-stopped = 停止日時
introduce-this = { $name } を紹介する
introduce-team = このチームを紹介する
proposals-run-title = 新しいご紹介案
proposals-save-drafts = チェックしたご紹介案を下書きとして保存
proposals-drafts-title = 下書き（確認待ち）
proposals-drafts-lead = 一つずつ確認して、ご本人にご紹介するか見送るかを決めてください。
proposals-drafts-saved = { $count }件を下書きとして保存しました。
proposals-keep = このご紹介案を保存する
proposals-left-out-title = 今回の提案から外した方
proposals-left-out-count = { $reason }: { $count }人
proposals-none-kept = 保存するご紹介案が選ばれていません。保存したい案にチェックを入れてください。
held-back-placed = すでに就業・開業が決まった方
held-back-at-limit = 進行中のご紹介が上限に達している方
held-back-recently-declined = 最近30日以内にご紹介をお断りになった方
notifications-title = お知らせ
notifications-none = お知らせはありません。
notifications-new = 新着
notifications-channels-title = お知らせの受け取り方法
notifications-channels-legend = 受け取り方法（1つ以上）
notifications-save = 保存する
notifications-saved = 受け取り方法を保存しました。
mail-open-link = 開く
mail-footer = このメールは送信専用です。ご不明な点は、町の担当窓口にお問い合わせください。
mail-brand = { $town } わくキャリ
mail-notice-subject = 【{ $town } わくキャリ】{ $title }
mail-notice-body =
    { $name } さま

    { $body }

    { $link }

    { $brand }
notice-introduction-offered-title = ご紹介があります: { $request }
notice-introduction-offered-body = { $organization }の「{ $request }」をご紹介します。合っている点をご確認のうえ、プロフィールを先方に伝えてよいかお答えください。{ $remark }
notice-introduction-consented-title = プロフィールの共有に同意がありました
notice-introduction-consented-body = 「{ $request }」へのご紹介について、{ $person } さんが同意しました。プロフィールをご確認のうえ、お返事ください。
notice-introduction-declined-title = ご紹介が辞退されました
notice-introduction-declined-body = { $person } さんが「{ $request }」（{ $organization }）へのご紹介を辞退しました。
notice-consent-withdrawn-title = 同意が取り消されました
notice-consent-withdrawn-body = { $person } さんが「{ $request }」についての同意を取り消しました。プロフィールは表示されなくなります。
notice-organization-responded-title = { $organization }からお返事がありました
notice-organization-responded-body = 「{ $request }」について、{ $organization }は{ $response ->
        [accepted] 受け入れを決めました。面談の日程をご連絡します。
       *[declined] 今回は見送りとなりました。ほかのご紹介もご案内します。
    }
notice-meeting-scheduled-title = 面談の日程が決まりました
notice-meeting-scheduled-body = 「{ $request }」（{ $organization }）の面談: { $when }
notice-work-started-title = 就労・活動の開始が記録されました
notice-work-started-body = 「{ $request }」（{ $organization }）での就労・活動の開始が記録されました。
notice-introduction-cancelled-title = ご紹介を取りやめました
notice-introduction-cancelled-body = 「{ $request }」（{ $organization }）へのご紹介は取りやめになりました。{ $reason }ご不明な点はコーディネーターにお尋ねください。
notice-follow-up-due-title = フォローアップの予定日です: { $person }
notice-follow-up-due-body = { $person } さんのフォローアップ（{ $due }）: { $note }
home-introductions = ご紹介
home-introductions-waiting = 回答をお待ちしているご紹介が { $count } 件あります。
outbox-health-failing = 送信できていないメールが { $count } 件あります（再送を続けています）。
outbox-health-dead = 送信をあきらめたメールが { $count } 件あります。宛先をご確認ください。
match-reason-already-introduced = すでにご紹介中です
field-mail-lang = お知らせとメールの言語
language-name-ja = 日本語
language-name-en = 英語（English）
follow-up-answer = 確認できたこと（任意）
outbox-status-dead = 送信をあきらめました（宛先をご確認ください）
score-points = { $score }点（100点満点）
field-introduction-note-hint = 相手へのメッセージがあればお書きください（任意）。

## Events (イベント)
events-title = イベント・講座
events-lead = セミナー、座談会、講座、キャリア相談などのご案内です。託児つきの回もあります。
events-none = 予定されているイベントはありません。
events-filter-label = イベントを絞り込む
events-filter-childcare = 託児ありのみ
events-filter-from = この日から
events-filter-apply = 絞り込む
events-public-feed = カレンダーに登録（公開イベントの一覧）
events-staff-title = イベントの管理
events-new = イベントを作成する
events-save = 作成する
events-public-page = 公開ページ
event-kind-all = すべての種類
event-kind-seminar = セミナー
event-kind-round-table = 座談会
event-kind-workshop = ワークショップ
event-kind-course = 講座
event-kind-company-session = 企業との交流会
event-kind-consultation = キャリア相談（個別）
event-childcare-badge = 託児あり
event-sessions-count = 全{ $count }回
event-online = オンライン
event-seats-left = 残り{ $count }席
event-full-waitlist = 満席（キャンセル待ちで申し込めます）
event-capacity = 定員{ $count }名
event-when = 日時
event-place = 場所
event-seats = 席
event-childcare = 託児
event-care-left = あと{ $count }人
event-care-full = 満員
event-children-programme = 同じ時間に、子ども向けの「{ $programme }」があります。
event-registration = 申し込み
event-registration-open-until = { $when } まで受け付けています
event-registration-opens = { $when } から受け付けます
event-registration-closed = 受け付けを終了しました
event-registration-cancelled = 中止になりました
event-you-are-booked = お申し込みの状況: { $status }
event-book-title = 申し込む
event-book-children = 託児を利用するお子さま（人数）
event-book-no-children = プロフィールにお子さまが登録されていないため、託児は申し込めません。必要な方はプロフィールを更新してください。
event-book-note = 席と託児がそろって確保できないときは、キャンセル待ちになります。空きが出たら順番にお知らせします。
event-book = 申し込む
event-sign-in-to-book = ログインして申し込む
event-add-to-calendar = カレンダーに追加（.ics）
event-children-count = { $count }人
event-host = 担当: { $name }
event-waiting = キャンセル待ち { $count }名
event-no-skill = （身につくスキルなし）
event-cancel-title = イベントの中止
event-cancel-lead = 中止すると、申し込んだ全員にお知らせが届きます。元に戻せません。
event-cancel = このイベントを中止する
booking-status-confirmed = 申し込み済み
booking-status-waitlisted = キャンセル待ち
booking-status-offered = 空きが出ました（ご確認ください）
booking-status-cancelled = キャンセル
booking-status-lapsed = 期限切れ
booking-done-confirmed = お申し込みを受け付けました。託児のお子さまの席も確保しました。
booking-done-waitlisted = 満席のため、キャンセル待ちで受け付けました。空きが出たらお知らせします。
booking-done-cancelled = キャンセルしました。
booking-done-stale = 状況が変わっていたため、操作は反映されませんでした。
booking-done-past-deadline = キャンセルの期限を過ぎています。担当窓口にご連絡ください。
booking-done-feed-revoked = カレンダー用のリンクを削除しました。以前のリンクは使えません。
bookings-ended-title = キャンセル・期限切れ
error-booking-not-open-yet = まだ申し込みを受け付けていません。
error-booking-closed = 申し込みの受け付けは終了しました。
error-booking-event-cancelled = このイベントは中止になりました。
error-booking-no-childcare = このイベントには託児がありません。お子さまの人数を0にしてください。
error-booking-more-children-than-profile = プロフィールに登録されたお子さまの人数より多く申し込むことはできません。
error-booking-already-booked = このイベントにはすでに申し込んでいます。
error-booking-overlaps = 同じ時間に、ほかのイベントを申し込んでいます。
my-events-title = 申し込んだイベント
my-events-none = 申し込んだイベントはありません。
my-events-childcare = 託児: { $children }
my-events-offer-until = { $until } までにご確認ください。過ぎると次の方にご案内します。
my-events-confirm = 参加を確定する
my-events-cancel = キャンセルする
my-events-credentials = 修了した講座
calendar-feed-title = カレンダーとの連携
calendar-feed-lead = 申し込んだイベントを、スマートフォンのカレンダーに自動で表示できます。リンクはご本人だけのものです。ほかの人に知られた場合は、作り直してください。
calendar-feed-make = カレンダー用のリンクを作る
calendar-feed-renew = リンクを作り直す
calendar-feed-revoke = リンクを削除する
calendar-feed-made = カレンダー用のリンクを作りました。このリンクは今だけ表示されます。カレンダーアプリに登録してください。
attendance-title = 出欠
attendance-sessions = 回を選ぶ
attendance-summary-present = 出席 { $count }名
attendance-summary-no-shows = 欠席 { $count }名
attendance-summary-children = 託児 { $count }人
attendance-none = 確定した申し込みはありません。
attendance-children-in-care = 託児で預かったお子さま
attendance-save = 出欠を記録する
waitlist-title = キャンセル待ち
waitlist-none = キャンセル待ちはいません。
field-title-en = タイトル（英語・任意）
field-description-en = 内容（英語・任意）
field-english-version-hint = 英語でも書くと、英語で読む方にはそちらが表示されます。書かない場合は日本語が表示されます。
field-place = 場所
field-event-place-hint = 場所かオンラインのURLのどちらかを入力してください。
field-online-url = オンラインのURL
field-date = 日付（初回）
field-start-time = 開始時刻
field-end-time = 終了時刻
field-sessions = 回数（毎週）
field-sessions-hint = 講座は回数を入れると、毎週同じ曜日・時刻で開催します。
field-capacity = 定員
field-capacity-hint = キャリア相談は1名です。
field-opens-on = 申し込み開始日
field-closes-on = 申し込み締切日
field-closes-on-hint = 空欄なら、開始時刻まで受け付けます。
field-cancel-until = キャンセル期限
field-childcare = 託児あり
field-carers = 託児の保育者数
field-carers-hint = 保育者1人あたり、0歳3人・1〜2歳6人・3〜5歳20人・小学生30人まで（国の配置基準）として、受け付けられる人数を計算します。
field-children-programme = 子ども向けの同時開催プログラム（任意）
field-public = 一般に公開する
field-skill-id = 身につくスキル（講座）
field-skill-id-hint = 修了（8割以上の出席）すると、参加者のプロフィールにこのスキルが加わります。
error-place-or-online = 場所かオンラインのURLのどちらかを入力してください。
error-url-https = https:// で始まるURLを入力してください。
error-end-before-start = 終了時刻は開始時刻より後にしてください。
error-sessions-invalid = 1〜20の数字で入力してください。
error-capacity-invalid = 1〜500の数字で入力してください。
error-carers-invalid = 託児ありのときは、1〜30の数字で入力してください。
error-closes-before-opens = 締切日は開始日より後にしてください。
notice-booking-confirmed-title = お申し込みを受け付けました: { $event }
notice-booking-confirmed-body = 「{ $event }」（{ $when }、{ $place }）のお申し込みを受け付けました。
notice-booking-waitlisted-title = キャンセル待ちで受け付けました: { $event }
notice-booking-waitlisted-body = 「{ $event }」（{ $when }）は満席のため、キャンセル待ちで受け付けました。空きが出たらお知らせします。
notice-seat-offered-title = 空きが出ました: { $event }
notice-seat-offered-body = 「{ $event }」（{ $when }）に空きが出ました。{ $until } までに参加を確定してください。過ぎると次の方にご案内します。
notice-event-cancelled-title = 中止のお知らせ: { $event }
notice-event-cancelled-body = 「{ $event }」（{ $when }）は中止になりました。{ $reason }ご迷惑をおかけし申し訳ありません。
notice-reason = 理由：{ $reason }。
notice-event-changed-title = 日時・会場が変わりました: { $event }
notice-event-changed-body = お申し込みいただいている「{ $event }」の日時または会場が変わりました。新しい日時は { $when }、会場は { $place } です。ご都合が合わなくなった場合は、マイページからお申し込みを取り消せます。
notice-event-reminder-title = 明日のご案内: { $event }
notice-event-reminder-body = 「{ $event }」は { $when }、{ $place } で行います。お気をつけてお越しください。
notice-income-cap-moved-title = 年収の壁の設定を見直しました
notice-income-cap-moved-body = 2025年の税制改正で「103万円の壁」が変わりました。配偶者控除を受けられる範囲（給与の年収123万円まで）として登録し直しました。プロフィールで、守りたいものに合わせて選び直せます。
home-events = イベント・講座を見る
field-event-description = 内容
match-gap-course = { $gap }（講座「{ $course }」で身につきます）
event-capacity-title = 定員・保育者数の変更
event-capacity-save = 変更する
event-cancel-booking = この申し込みを取り消す
event-done-created = イベントを作成しました。公開の設定にした場合は、一覧に載っています。
event-done-saved = 変更を保存しました。
event-done-saved-told = 変更を保存し、申し込んでいる方に日時・会場の変更をお知らせしました。
event-done-cancelled = イベントを中止し、申し込んでいた方にお知らせしました。
event-done-attendance-not-yet = 出欠はその回の当日から記録できます。記録しませんでした。
event-done-attendance-closed = 出欠を記録できる期間を過ぎています。記録しませんでした。
attendance-not-yet = 出欠はその回の当日から記録できます。
attendance-closed = 終了から{ $days }日を過ぎたため、出欠は記録されたとおりに確定しています。
attendance-present = 出席
attendance-absent = 欠席
events-tabs = イベントの区分
events-tab-upcoming = これから
events-tab-past = 終了
events-tab-cancelled = 中止
events-past-lead = 終了したイベントも、出欠と講座の修了を記録できます。
event-slots-title = 相談枠をまとめて作る
event-slots-lead = 曜日と時間帯を決めて、同じ長さの個別相談の枠を毎週くり返し作ります。枠はひとつずつ、1名ずつ予約できます。
event-slots-save = 相談枠を作成する
event-slots-default-title = キャリア相談（個別）
events-done-slots = 相談枠を{ $count }件作成しました。
field-slots-date-hint = 最初の日です。2週目からは同じ曜日に続きます。
field-slot-minutes = 1枠の長さ（分）
field-weeks = くり返す週の数
field-weeks-hint = 1〜26週
error-weeks-invalid = 週の数は1〜26で入力してください。
error-slot-minutes-invalid = 1枠の長さは10〜180分で入力してください。
error-slot-longer-than-window = 1枠の長さが、時間帯より長くなっています。
error-too-many-slots = 一度に作れる枠は200件までです。週の数か時間帯を減らしてください。
event-ended-booked = 終了しました（申し込み { $count }名）
event-edit = このイベントを編集する
event-edit-title = イベントの編集
event-edit-lead = 種類・回数・定員・託児の有無はここでは変えられません。日時・会場を変えると、申し込んでいる方にお知らせが届きます。
event-save-changes = 変更を保存する
event-back = イベントのページに戻る
event-cancel-start = 中止の手続きへ進む
event-cancel-told = お申し込み・キャンセル待ちの{ $count }名に、中止と理由をお知らせします。
event-cancel-back = 中止せずに戻る
field-cancel-reason = 中止の理由
field-cancel-reason-hint = 申し込んだ方へのお知らせに載ります。例: 講師の急病のため
field-cancel-until-hint = 空欄なら、開始時刻まで参加者ご自身で取り消せます。イベントの日より後にはできません。
event-registration-cancelled-because = 中止になりました（理由：{ $reason }）
error-deadline-after-start = イベントの日かそれより前の日付にしてください。
event-done-attendance = 出欠を記録しました。
event-done-capacity-changed = 定員・保育者数を変更しました。空きができた場合は、キャンセル待ちの方に順にご案内しました。
event-done-capacity-below-bookings = 確定している申し込み（席または託児）より少なくはできません。変更しませんでした。
event-done-capacity-invalid = 定員は1〜500、保育者数は1〜30の数字で入力してください。変更しませんでした。
content-in-japanese = この内容は日本語のみで掲載しています。

## Coordinator: finding participants
field-who = 名前・ふりがな
field-who-hint = 名前の一部、またはふりがなの一部（ひらがな・カタカナのどちらでも）で探せます。
field-skill-text = スキル名で探す
field-skill-text-hint = 一覧から選ぶ代わりに、スキル名の一部を入力できます。
field-registered = 登録した時期
field-area = 地区
field-care = 家族の事情
filter-registered-days = { $days }日以内に登録
filter-care-childcare = 未就学の子どもがいる（預け先が必要）
filter-care-elder = 高齢の家族の介護をしている
filter-care-family = ほかの家族の見守りをしている
error-no-such-skill = その名前のスキルは見つかりませんでした。別のことばで入力するか、一覧から選んでください。

## Coordinator: what a person has taken part in
record-bookings-title = イベントの申し込みと出欠
record-bookings-none = まだイベントの申し込みはありません。
record-bookings-caption = 申し込んだイベント（新しい順）
record-col-event = イベント
record-col-when = 日時
record-col-booking = 申し込み
record-attendance-not-recorded = 出欠はまだ記録されていません
record-attendance-sessions = { $of }回中{ $attended }回出席
record-credentials-title = 修了した講座
record-introductions-title = 紹介
record-introductions-none = まだ紹介はありません。
record-updated = 更新

## The audit log, readable
field-action = 種類
field-actor = 操作した人
field-actor-hint = 名前かふりがなの一部（ひらがな・カタカナのどちらでも）、またはアカウント番号（例: #12）
field-person = 対象の人
field-person-hint = その人の情報を、誰が、いつ見たかを探せます。名前かふりがなの一部、またはアカウント番号で入力してください。
field-from = 開始日
field-until = 終了日
error-until-before-from = 終了日は開始日と同じか、それより後の日付にしてください。
error-no-one-named = その名前の人は見つかりませんでした。名前の一部やふりがなで試すか、アカウント番号を入力してください。
audit-person-name = { $name }さん
audit-target-numbered = { $target }（番号 { $id }）
audit-csv-download = この条件の記録をCSVでダウンロード
audit-csv-note = Excelで開けます（最大10,000件）。ダウンロードしたことも記録されます。
audit-csv-actor-number = 操作した人の番号
audit-csv-role = 役割
audit-csv-detail = 詳細
audit-event-audit-log-export = 監査ログをCSVでダウンロード
audit-action-introduction = 紹介
audit-action-event = イベント・申し込み
audit-action-request = 求人・プロジェクト
audit-action-enquiry = 団体からの問い合わせ
audit-action-consent = 同意
audit-action-outbox = 送信メール

## Cancelling one booking, on a page of its own
notice-booking-cancelled-by-staff-title = お申し込みを取り消しました: { $event }
notice-booking-cancelled-by-staff-body = 「{ $event }」（{ $when }）のお申し込みを、担当者が取り消しました。{ $reason }ご不明な点は、お気軽に担当者へお問い合わせください。
booking-cancel-title = お申し込みの取り消し
booking-cancel-lead = 次のお申し込みを取り消します。取り消すと、キャンセル待ちの方に席をお譲りします。
booking-cancel-deadline = 取り消しの締め切り: { $deadline }
booking-cancel-confirm = 取り消しを確定する
booking-cancel-back = 取り消さずに戻る
booking-cancel-staff-title = 申し込みの取り消し（担当者）
booking-cancel-staff-lead = { $name }さんの申し込みを取り消します。理由を添えて、ご本人にお知らせします。空いた席はキャンセル待ちの方に回ります。
booking-cancel-person = 申し込んだ人
field-booking-cancel-reason = ご本人に伝える理由
field-booking-cancel-reason-hint = 例: 定員の調整のため、別の日程へのご案内のため。お知らせにそのまま載ります。
event-done-booking-cancelled = 申し込みを取り消し、ご本人にお知らせしました。

## An introduction keeps its gaps and carries a personal note
notice-remark = 担当者から：「{ $remark }」
introduction-gaps = 足りないところ（紹介したときの見立て）
introduction-personal-note = 担当者からのひとこと
introduction-add-note = ひとことを添える（任意）
field-personal-note = ご本人へのひとこと
field-personal-note-hint = お知らせとご本人の紹介ページに載ります（500文字まで）。例: 以前お話しされていた在宅の仕事です。
introduction-done-note-too-long = ひとことが長すぎるため、紹介はまだ送っていません。500文字以内にしてください。

## Correcting a hearing
hearing-correct-link = この記録を訂正する
hearing-correct-title = ヒアリング記録の訂正
hearing-correct-lead = { $name }さんのヒアリング記録を訂正します。訂正前の内容は、理由とともに履歴に残ります。
hearing-correct-save = 訂正を保存する
hearing-correct-back = 訂正せずに戻る
hearing-corrected = ヒアリング記録を訂正しました。訂正前の内容は履歴に残っています。
hearing-history = 訂正の履歴（{ $count }件）
hearing-revision-changed = { $when } { $name }が訂正
hearing-revision-before = 訂正前
field-correction-reason = 訂正の理由
field-correction-reason-hint = 例: 実施日の入力を間違えたため。履歴に残ります。
audit-event-participant-hearing-corrected = ヒアリング記録を訂正
