## Site-wide
site-name = WakuCareer
skip-to-content = Skip to main content
nav-language-label = Language
language-switch = 日本語
footer-note = Supporting people who raise children or care for family and want to work again, together with the town.

## Goal tracks
goal-own-pace = Work at your own pace
goal-full-return = Full return to work
goal-start-business = Start a business

## Towns
towns-title = Participating towns
towns-lead = Choose the town where you live or work.
towns-none = No town has been set up yet. Towns appear here once the operator creates them.

## Home
home-heading = { $town } WakuCareer
home-lead = A town program for people who are raising children, running a household or caring for family, and who want to work again. A coordinator works out with you the kind of work that fits your life.
home-ways-title = Three ways to work
home-way-own-pace = A few hours a week, fitted around nursery or school hours. Staying under your income cap is fine.
home-way-full-return = For those who want to return to work fully, building on their experience.
home-way-start-business = For those who want to start a small business from what they do well.
home-steps-title = How it works
home-step-hearing = 1. Hearing
home-step-hearing-text = A coordinator listens to your wishes, the hours you can work and your family's situation.
home-step-learning = 2. Seminars and courses
home-step-learning-text = Seminars, round-table talks and courses, with childcare, help you get ready for work.
home-step-introduction = 3. Introductions
home-step-introduction-text = We introduce work and projects that fit your skills and circumstances. Nothing about you is shared with a company without your consent.
home-orgs-title = For companies and organizations
home-orgs-text = Put the experience and views of parents and carers to work in your jobs and projects. Companies, NPOs and public bodies, in the town or elsewhere, are welcome to contact us.
home-news-title = News
home-news-none = There is no news at the moment.
home-contact-title = Contact
home-contact-email = Email
home-contact-phone = Phone

## Errors
error-back-home = Back to the home page
error-400-title = Please check your request
error-400-message = We could not read the request. Please try again.
error-403-title = You do not have permission to see this page
error-403-message = Your account cannot view or use this page.
error-404-title = Page not found
error-404-message = The page may have moved or been removed. Please check the address.
error-405-title = This action is not available
error-405-message = This page does not accept that kind of request.
error-409-title = Already registered
error-409-message = The same entry already exists. Please check what you entered.
error-413-title = What you sent is too large
error-413-message = It is more than we can accept. Please send less and try again.
error-422-title = Please check what you entered
error-422-message = Some entries need correcting. See the message next to each field.
error-429-title = Please wait a moment
error-429-message = There were many attempts in a short time. Please wait a little and try again.
error-500-title = Something went wrong
error-500-message = We are sorry: something went wrong on our side. Please try again later.

## Field errors
error-required = Please fill this in.
error-too-long = This is too long. Please shorten it.
error-choose-one = Please choose one of the options.
error-email-invalid = Please enter an email address (for example hanako@example.jp).
error-month-range = Please enter a month from 1 to 12.
error-slug-length = Use 2 to 40 characters.
error-slug-characters = Use lowercase letters a–z, digits and hyphens (-), not at the start or end.
error-slug-reserved = This name is used by the system. Please choose another.
