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
error-413-title = 送信された内容が大きすぎます
error-413-message = 送信できる量を超えています。内容を減らしてから、もう一度お試しください。
error-422-title = 入力内容を確認してください
error-422-message = 入力内容に誤りがあります。各項目のメッセージをご確認ください。
error-429-title = しばらくお待ちください
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
