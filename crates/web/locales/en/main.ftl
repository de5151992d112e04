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
error-408-title = What you sent did not arrive in time
error-408-message = The connection was too slow to receive it. Please check your connection and send it again.
error-413-title = What you sent is too large
error-413-message = It is more than we can accept. Please send less and try again.
error-422-title = Please check what you entered
error-422-message = Some entries need correcting. See the message next to each field.
error-429-title = Please wait a moment
error-503-title = We are busy right now
error-503-message = Many people are using the service right now. Please wait a moment and try again.
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

## Navigation
nav-main-label = Site menu
nav-my-page = My page
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-signed-in-as = Signed in as { $name }

## Form fields
field-required-mark = (required)
field-email = Email address
field-password = Password
field-password-hint = At least 10 characters. Commonly used passwords are not accepted.
field-current-password = Current password
field-new-password = New password
field-display-name = Name
field-furigana = Name reading (furigana)
field-furigana-hint = In hiragana or katakana (for example ながいずみ はなこ).
field-organization = Company or organization
field-organization-hint = If the name is already registered, the person is invited as a member of that organization.
field-slug = Name in the URL
field-slug-hint = Lowercase letters, digits and hyphens (for example nagaizumi).
field-name-ja = Town name (Japanese)
field-name-en = Town name (English)
field-eligibility = Who may take part
field-fiscal-year-start = Month the fiscal year starts
field-contact-email = Contact email
field-contact-phone = Contact phone

## Roles
role-participant = Participant
role-organization-member = Organization member
role-coordinator = Coordinator
role-town-officer = Town officer
role-operator = Operator
role-anonymous = Not signed in

eligibility-residents = People who live in the town
eligibility-workers = People who work in the town
eligibility-residents-or-workers = People who live or work in the town

## Sign-in
signin-title = Sign in
signin-operator-title = Operator sign-in
signin-submit = Sign in
signin-forgot = Forgot your password?
signin-to-signup = New here? Register
signin-failed = The email address or password is not correct.
signin-locked = After several failed attempts, signing in is paused. Please try again in about { $minutes } minutes.
notice-password-reset = Your password has been reset. Please sign in with the new password.
notice-password-changed = Your password has been changed.
notice-signed-out = You have signed out.

## Sign-up
signup-title = Register
signup-lead = Register your email address and a password to use your own page.
signup-submit = Register
signup-to-signin = Already registered? Sign in

signup-email-lead = First we check your email address. We will send a link to it so you can continue your registration.
signup-email-submit = Send the confirmation email
signup-sent = We sent a message to { $email }. Please continue your registration from the link in it. If it does not arrive, please check your spam folder.
signup-details-lead = Your email address is confirmed. Please choose your name and a password.
signup-verified-email = Email address to register: { $email }
signup-already-registered = This email address is already registered. Please sign in.
error-input-control = “{ $field }” contains a character that cannot be used (a control character or a text-direction mark). Please remove it and send again.
error-input-control-unnamed = Your input contains a character that cannot be used (a control character or a text-direction mark). Please remove it and send again.
audit-subjects = People shown

## Password reset and change
reset-title = Reset your password
reset-lead = Enter the email address you registered. We will send you a link to set a new password.
reset-submit = Send the link
reset-sent = If the address is registered, we have sent a link to reset the password. Please check your email. The link is valid for one hour.
reset-new-title = Set a new password
reset-new-submit = Set the password
password-change-title = Change your password
password-change-submit = Change

## Invitations
invitation-title = Create your account
invitation-lead = { $email } has been invited as “{ $role }”. Please choose your name and a password.
invitation-submit = Create the account
invitation-send = Send the invitation
invitation-sent = The invitation has been sent.
invitation-recent = Recent invitations
invitation-none = No invitations yet.
invitation-col-role = Role
invitation-col-sent = Sent on
invitation-col-status = Status
invitation-status-open = Waiting
invitation-status-accepted = Accepted
invitation-status-expired = Expired

## Start pages
participant-home-heading = { $name }'s page
participant-home-lead = Thank you for registering. Your profile and event bookings will be available here as soon as they are ready.
organization-home-heading = Page of { $name }
organization-home-lead = You will be able to post jobs and projects here as soon as this is ready.
coordinator-home-heading = { $name } (coordinator)
coordinator-home-lead = Opening a participant's record is written to the audit log.
work-queue-title = Today's work
work-requests-to-review = Requests waiting for review: { $count }
work-enquiries-open = Enquiries not yet handled: { $count }
work-not-contacted = Registrations not yet contacted: { $count }
work-awaiting-consent = Introductions waiting for consent: { $count }
work-awaiting-organization = Introductions waiting for the organization: { $count }
work-awaiting-outcome = Introductions waiting for an outcome: { $count }
work-follow-ups-overdue = Overdue follow-ups: { $count }
work-follow-ups-this-week = Follow-ups this week: { $count }
work-events-with-places = Events this week with places left: { $count }
work-events-with-waitlist = Events this week with a waiting list: { $count }

## Coordinator
coordinator-participants-title = Participants
coordinator-participants-lead = Listed by name reading.
coordinator-participants-empty = There are no participants yet.
coordinator-participants-caption = Participants
coordinator-participants-registered = Registered
coordinator-participants-back = Back to the participants
coordinator-participant-logged = Opening this page has been recorded in the audit log.
coordinator-invitations-title = Invite organization members
coordinator-invitations-lead = The invited person creates their account from the link in the email. The link is valid for 7 days.

pager-label = Pages
pager-previous = Previous page
pager-next = Next page

## Audit log
audit-title = Audit log
audit-lead = A record of who viewed or changed which record, when and from where. Entries can only be added, never changed or removed.
audit-filter-submit = Filter
audit-empty = No matching entries.
audit-caption = Audit log, newest first
audit-col-at = When
audit-col-actor = Who
audit-col-action = Action
audit-col-target = Record
audit-col-from = From
audit-older = Older entries
audit-actor-anonymous = (not signed in)
audit-action-all = All
audit-action-participant = Views of participants' data
audit-action-denied = Denied access
audit-action-auth = Sign-in and sign-out
audit-action-account = Accounts
audit-action-invitation = Invitations
audit-action-municipality = Towns
audit-action-audit-log = Views of the audit log
audit-event-access-denied = Access refused
audit-event-access-denied-csrf = Form submission refused (check failed)
audit-event-auth-sign-in = Signed in
audit-event-auth-sign-out = Signed out
audit-event-account-sign-up = Signed up
audit-event-account-password-changed = Changed the password
audit-event-account-password-reset-requested = Asked to reset the password
audit-event-account-password-reset = Reset the password
audit-event-invitation-create = Created an invitation
audit-event-invitation-accepted = Accepted an invitation
audit-event-municipality-create = Registered a town
audit-event-audit-log-view = Viewed the audit log
audit-event-outbox-view = Viewed the outgoing mail
audit-event-participant-list = Viewed the participant list
audit-event-participant-view = Viewed a participant record
audit-event-participant-profile-saved = Saved a profile
audit-event-participant-profile-viewed-by-organization = An organization viewed a profile
audit-event-participant-hearing-recorded = Recorded a hearing
audit-event-participant-follow-ups-viewed = Viewed the follow-ups
audit-event-participant-follow-up-scheduled = Planned a follow-up
audit-event-participant-follow-up-done = Completed a follow-up
audit-event-participant-batch-proposals = Viewed participants in batch proposals
audit-event-participant-shortlist = Viewed the candidates for a request
audit-event-participant-event-bookings-viewed = Viewed an event’s bookings
audit-event-consent-given = Gave consent
audit-event-consent-withdrawn = Withdrew consent
audit-event-introduction-list = Viewed the introductions
audit-event-introduction-viewed = Viewed an introduction
audit-event-introduction-drafts-viewed = Viewed draft introductions
audit-event-introduction-drafts-saved = Saved draft introductions
audit-event-introduction-offer = Introduced
audit-event-introduction-discard = Set a draft aside
audit-event-introduction-accept = The organization accepted
audit-event-introduction-decline = Declined
audit-event-introduction-schedule-meeting = Scheduled a meeting
audit-event-introduction-start = Work started
audit-event-introduction-conclude = Recorded the outcome
audit-event-introduction-cancel = Cancelled the introduction
audit-event-introduction-consent = The person consented
audit-event-introduction-decline-offer = The person declined
audit-event-introduction-withdraw-consent = The person withdrew consent
audit-event-request-create = Created a request
audit-event-request-edit = Edited a request
audit-event-request-submit = Sent a request for review
audit-event-request-withdraw = Withdrew a request
audit-event-request-publish = Published a request
audit-event-request-return = Returned a request with comments
audit-event-request-close-filled = Closed a request (filled)
audit-event-request-close-expired = Closed a request (expired)
audit-event-request-close-withdrawn = Closed a request (withdrawn)
audit-event-enquiry-list = Viewed the enquiries
audit-event-enquiry-approve = Approved an enquiry
audit-event-enquiry-decline = Declined an enquiry
audit-event-event-created = Created an event
audit-event-event-cancelled = Cancelled an event
audit-event-event-edited = Edited an event
audit-event-event-capacity-changed = Changed the capacity
audit-event-event-attendance = Recorded attendance
audit-event-event-booking-confirmed = Booked an event
audit-event-event-booking-waitlisted = Joined an event’s waiting list
audit-event-event-booking-cancelled = Cancelled a booking
audit-event-event-booking-cancelled-by-staff = Staff cancelled a booking
audit-target-account = Account
audit-target-participant = Participant
audit-target-session = Session
audit-target-route = Page
audit-target-invitation = Invitation
audit-target-municipality = Town
audit-target-audit-log = Audit log
audit-target-outbox = Outgoing mail
audit-target-introduction = Introduction
audit-target-request = Request
audit-target-enquiry = Enquiry
audit-target-event = Event
audit-target-booking = Booking
audit-target-hearing = Hearing
audit-target-follow-up = Follow-up
audit-target-consent = Consent

## Outbox
outbox-title = Outgoing mail
outbox-lead = Messages are delivered to each recipient alone. Their contents are not shown here, because they may hold links meant only for that person.
outbox-empty = No messages.
outbox-status-sent = Sent
outbox-status-waiting = Waiting
outbox-status-retrying = Waiting to retry
outbox-attempts = attempt { $count }
outbox-to = To:
outbox-subject = Subject:

## Operator
operator-title = Operator console
operator-towns = Towns
operator-towns-none = No towns yet. Register one with the form below.
operator-new-town = Register a town
operator-create-town = Register the town
operator-town-created = The town has been registered. Please invite its first coordinator.
operator-invite-email = Email address to invite

## More errors
error-csrf-title = Please try again
error-csrf-message = The form expired or the request was not valid. Please reload the page and send it again.
error-gone-title = This link cannot be used
error-gone-message = The link has expired or has already been used. Please start the procedure again.
error-email-taken = This email address is already registered. Please sign in or reset your password.
error-slug-taken = This URL name is already taken.
error-furigana-kana-only = Please use hiragana or katakana.
error-password-too-short = Please use at least 10 characters.
error-password-too-long = Please use at most 128 characters.
error-password-too-common = This password is common and easy to guess. Please choose another.
error-password-current-wrong = The current password is not correct.
error-invitation-email-taken = An account with this email address already exists. Please sign in.

## Mail
mail-password-reset-subject = [{ $town } WakuCareer] Reset your password
mail-password-reset-body =
    Dear { $name },

    We received a request to reset your password.
    Open this link to set a new password (valid for { $minutes } minutes):

    { $link }

    If you did not ask for this, please ignore this email. Your password stays as it is.

    { $town } WakuCareer
mail-invitation-subject = [{ $town } WakuCareer] Your invitation
mail-invitation-body =
    { $inviter } has invited you to { $town } WakuCareer as “{ $role }”.
    Open this link to choose your name and a password (valid for { $days } days):

    { $link }

    If you were not expecting this, please ignore this email.

    { $town } WakuCareer

mail-signup-verify-subject = [{ $town } WakuCareer] Continue your registration
mail-signup-verify-body =
    We received a request to register for { $town } WakuCareer with this email address.
    Open this link to choose your name and a password (valid for { $hours } hours):

    { $link }

    If you did not ask for this, please ignore this email. Nothing is registered.

    { $town } WakuCareer
mail-signup-existing-subject = [{ $town } WakuCareer] You are already registered
mail-signup-existing-body =
    Dear { $name },

    Someone asked to register with this email address, but it already has an account.
    Sign in with this link. If you have forgotten your password, you can reset it from the sign-in page.

    { $link }

    If you did not ask for this, please ignore this email.

    { $town } WakuCareer

## Demo
demo-title = Demo accounts
demo-lead = This is a demo. Sign in with these accounts to try each part of the platform. Please do not enter real people's information.
demo-caption = Demo accounts
home-signup = Register to take part

## Common
yes = Yes
no = No
none = None
field-choose = Please choose
filter-any = Any

## Days
day-mon = Mon
day-tue = Tue
day-wed = Wed
day-thu = Thu
day-fri = Fri
day-sat = Sat
day-sun = Sun

## Registration: eligibility and consent
eligibility-basis-lives = I live in the town
eligibility-basis-works = I work in the town
field-privacy-consent = I agree to how my personal information is handled
field-privacy-consent-hint = Please read “How we handle personal information” first. You can withdraw your consent later on your page.
error-eligibility-not-admitted = Please choose how you meet this town's conditions for taking part.
error-privacy-consent-required = To register, please agree to how your personal information is handled.

## Privacy statement
privacy-title = How we handle personal information
privacy-version = Version: { $version }
privacy-purpose = To introduce jobs, projects and seminars to people who raise children, run a household or care for family and want to work, this program keeps the personal information it needs, and no more.
privacy-collect = We keep your name and its reading, contact details, postal code, the way you want to work, your experience and skills, the days and hours you can work, how many hours you want, your income cap, how far you can commute, and how many children in each age band need childcare.
privacy-never = We never collect health information such as illnesses, disabilities or diagnoses (special-care personal information). Care for family members or children is entered only as the hours you can work; you never need to give the reason.
privacy-children = For children we keep only how many there are in each age band, never their names or health.
privacy-sharing = We pass your information to a company or organization only when you agree to it, for each introduction. We record when, to whom and what we passed, and you can see this record.
privacy-staff = Every time a coordinator or town officer views your information, it is recorded. The record cannot be changed or deleted.
privacy-rights = You can see and correct your information on your page at any time. To export or delete it, please contact the town's office.
privacy-withdraw = You can withdraw your consent under “Review or withdraw consent” on your page. After that, you will not be proposed for new introductions.

## Participant pages
me-profile-todo = Please fill in your profile first. Knowing when you can work and what you can do helps us find work that fits.
me-profile-done = You can update your profile at any time. Please change it whenever your situation changes.
me-consent-withdrawn = You have withdrawn your consent to how your information is handled. To receive new introductions, please give it again.
profile-title = Profile
profile-lead = Coordinators use this to think about what to introduce to you. Fill in as much as you can.
profile-saved = Your profile has been saved.
profile-save = Save
profile-not-filled = Not filled in
profile-section-basics = Basics and the way you want to work
profile-section-experience = Your experience
profile-experience-lead = Raising children, housework, caring, PTA and community work are experience too. Write your time away from paid work as experience.
profile-section-skills = Skills
profile-skills-lead = Choose what you can do and how well. Skills gained in childcare, housework or PTA work count.
profile-section-time = When you can work
profile-grid-lead = Tick the times you can work (every 30 minutes, 6:00 to 22:00). Only while your children are at nursery or school is fine.
profile-grid-caption = The hours you can work in a week
profile-grid-time = Time
profile-section-income = Income cap
profile-section-place = Workplace and commute
profile-section-children = Children who need childcare
profile-children-lead = Enter only how many children are in each age band. Please do not enter names or health details.
field-phone = Phone
field-phone-hint = Optional. We contact you by email.
field-postal-code = Postal code
field-postal-code-hint = For example 411-0943
field-goal-track = The way you want to work
field-work-history = Work and activities so far
field-work-history-hint = For example: office work 5 years, PTA treasurer 2 years, community newsletter
field-career-gap-years = Time away from paid work (years)
field-career-gap-hint = The time you were away from paid work. It counts as experience.
field-career-gap-months = Time away from paid work (months)
field-max-hours-per-week = Most hours a week you want to work
field-earliest-start = Earliest start date
field-income-cap = Income wall (what you want to keep)
field-income-cap-hint = If you want to stay a dependant or keep a deduction, choose what you want to keep. The amounts are set by law; when they change, we apply the new rule for you.
field-income-cap-yen = Yearly limit in yen (for “I set my own amount”)
field-expected-hourly-wage = Expected hourly wage (yen)
field-expected-hourly-wage-hint = Needed when you choose a cap: we work out roughly how many hours a week fit under it.
income-cap-summary = An estimate: { $rule }. At { $wage } yen an hour, that is up to about { $hours } hours a week.
income-cap-rule-only = An estimate: { $rule }. Enter the hourly wage you expect to see how many hours a week that is.
wall-test-annual-salary = a yearly salary of up to { $amount } (commuting allowance not counted)
wall-test-annual-income = a yearly income under { $amount }, commuting allowance included
wall-test-employee-insurance = a monthly wage under { $amount } and under { $hours } hours a week
wall-rule-dated = { $test }, the rule from { $date }
income-cap-with-rule = { $cap } — an estimate: { $rule }
match-cap-hours = Up to { $hours } hours a week stay within the income wall (an estimate).
field-work-place = Where to work
field-commute-minutes = Longest commute (minutes)
field-home-area = The area you live in
field-home-area-hint = Used to estimate how long the journey to work takes.
field-home-area-unset = Not chosen
field-drives = I can drive a car
field-children-age0 = Age 0
field-children-age1-2 = Age 1–2
field-children-age3-5 = Age 3–5
field-children-school = Primary school
field-cares-for = Family members you care for
field-cares-for-hint = Used only to think about when you can work. Please do not enter illnesses or other details.
care-for-elder = An elderly family member
care-for-family = Another family member (e.g. with a disability or illness)
field-skill = Skill
field-skill-none = (none)
field-skill-level = Level
field-skill-evidence = Where you gained it (optional)
skill-level-1 = 1: some experience
skill-level-2 = 2: can do the basics
skill-level-3 = 3: can do it as a job
skill-level-4 = 4: can teach others
skill-level-short = level { $level }
skill-verified = confirmed
income-cap-none = I do not mind
income-cap-partner-insurance = Stay on my partner's health insurance as a dependant
income-cap-spouse-deduction = My partner keeps the spouse deduction
income-cap-spouse-special-deduction = My partner keeps the special spouse deduction
income-cap-own-income-tax = No income tax for me
income-cap-resident-tax = No resident tax for me
income-cap-social-insurance = Stay out of my employer's social insurance
income-cap-custom = I set my own amount
work-place-remote = From home / remote
work-place-on-site = On site
work-place-either = Either
age-band-age0 = Age 0
age-band-age1-2 = Age 1–2
age-band-age3-5 = Age 3–5
age-band-school = Primary school
skill-group-care-derived = Gained in childcare, housework, caring and community work
skill-group-office = Office work
skill-group-it = IT and computers
skill-group-sales = Sales and customer service
skill-group-communication = PR and communication
skill-group-language = Languages
skill-group-creative = Design and making
skill-group-hospitality = Tourism, lodging and events
skill-group-food = Cooking and food
skill-group-education = Childcare and education
skill-group-care = Care and welfare
skill-group-health = Health care
skill-group-manufacturing = Manufacturing, light work and driving
skill-group-business = Business and start-ups
error-phone-invalid = Please use digits and hyphens.
error-postal-code-invalid = Please enter a 7-digit postal code (for example 411-0943).
error-career-gap-invalid = Please enter 0–50 years and 0–11 months.
error-hours-invalid = Please enter a number from 0 to 60.
error-hours-over-60 = You cannot enter more than 60 hours a week.
error-availability-empty = Please tick at least one time you can work, or set the hours to 0.
error-hours-over-availability = This is more than the times you ticked. Tick more times or enter fewer hours.
error-date-invalid = Please enter a date (for example 2027-04-01).
error-date-in-past = Please enter today or a later date.
error-date-in-future = Please enter today or an earlier date.
error-wage-invalid = Please enter an amount in yen.
error-income-cap-amount = With “I set my own amount”, please enter the yearly limit in yen.
error-income-cap-needs-wage = With an income wall, please also enter the hourly wage you expect.
error-commute-invalid = Please enter 0 to 240 minutes.
error-children-invalid = Please enter a number from 0 to 9.
error-skill-unknown = A skill or level is not in the list. Please choose again.

## Consent
consent-title = Review or withdraw consent
consent-lead = What you have agreed to so far.
consent-caption = Consent record
consent-col-kind = What
consent-col-version = Version
consent-col-given = Given
consent-col-withdrawn = Withdrawn
consent-kind-privacy-policy = Handling of personal information
consent-withdraw-explain = If you withdraw, you will not be proposed for new introductions. Past records remain.
consent-withdraw = Withdraw consent
consent-give-explain = You have withdrawn your consent. To receive introductions again, please give it again.
consent-give = Give consent again
consent-withdrawn-notice = Your consent has been withdrawn.
consent-given-notice = Thank you, your consent has been recorded.

## Coordinator: participants and casework
coordinator-last-contact = Last contact
coordinator-consent-withdrawn = This person has withdrawn consent to how their information is handled. They cannot be introduced.
field-goal = Way of working
field-day = Free on
field-gap = Time away from work
field-contact = Not contacted for
filter-gap-under1 = Under a year
filter-gap-1to5 = 1 to 5 years
filter-gap-over5 = 6 years or more
filter-contact-days = { $days } days or more
filter-contact-never = Not contacted yet (new registrations)
gap-years-months = { $years } y { $months } m
hearing-record = Record a hearing
field-held-on = Date held
field-goals = Wishes and goals
field-worries = Worries
field-constraints-confirmed = Working hours and other conditions confirmed
field-notes = Notes
field-follow-up-on = Next follow-up on
field-follow-up-on-hint = Optional. Adds a follow-up to your list.
field-follow-up-note = What to follow up
hearing-confirm-skills = Skills confirmed (ticking marks them as confirmed)
hearing-save = Record the hearing
hearing-saved = The hearing has been recorded.
hearings-title = Hearings
hearings-none = No hearings recorded yet.
follow-ups-title = Follow-ups
follow-ups-none = Nothing planned.
follow-up-add = Add a follow-up
follow-up-saved = The follow-up has been added.
follow-up-done = done
follow-up-mark-done = Mark as done
follow-up-overdue = overdue
field-due-on = Due on
field-note = What
follow-ups-due-title = Your follow-ups (next 7 days and overdue)
follow-ups-due-none = No follow-ups due soon.
timeline-title = Case timeline
timeline-registered = Registered ({ $detail })
timeline-goal-track = Changed the way of working ({ $detail })
timeline-profile-updated = Updated the profile
timeline-consent-withdrawn = Withdrew consent ({ $detail })
timeline-consent-given = Gave consent ({ $detail })
timeline-hearing = Hearing ({ $detail })
timeline-follow-up-scheduled = Follow-up planned ({ $detail })
timeline-follow-up-done = Follow-up done
timeline-course-completed = Completed a course ({ $detail })
timeline-introduced = Introduced to a request
timeline-introduction = Introduction: { $step }
timeline-booked = Event booking: { $detail } ({ $status })
close-reason-filled = Filled
close-reason-withdrawn = Withdrawn
close-reason-expired = Expired

## Requests: fields
field-title = Title
field-title-hint = For example: Morning room preparation, weekdays
field-description = What the work is
field-description-hint = Describe the work and who it suits, as concretely as you can.
field-work-mode = Way of working
field-location-area = Place (area)
field-location-area-hint = For example Shimotogari. Leave empty for remote-only work.
field-hours-min = Hours a week (least)
field-hours-max = Hours a week (most)
field-days-per-week = Days a week
field-shift-rule = How shifts work
field-shift-rule-hint = Either every time ticked is worked (a fixed schedule), or people choose from them (shifts, e.g. "3 days a week or more"). If you leave it, times longer in total than the least hours are treated as shifts to choose from.
field-shortest-shift-hours = Shortest shift (hours)
field-shortest-shift-hours-hint = With shifts, fill this in if part of a time slot can be worked (e.g. 3). Left empty, each time slot is worked whole.
shift-rule-implied = Decide from the hours
shift-rule-all-required = Fixed schedule (every time ticked)
shift-rule-choose-from = Shifts (choose from the times ticked)
request-shifts-shortest = { $rule } (shifts of { $hours } hours or more)
field-start-date = Start date
field-flexible = Any time (only the hours a week are fixed)
field-contract = Type of contract
field-pay-unit = Pay per
field-pay-yen = Amount (yen)
field-pay-yen-hint = Hourly pay must be at least the prefecture's minimum wage.
field-headcount = People wanted
field-commuting-allowance = Commuting allowance (yen a month)
field-commuting-allowance-hint = Fill this in if you pay one. Staying a dependant on a partner's health insurance (1.3 million yen) counts commuting allowance, so it changes how many hours people can work.
field-deliverable = Deliverable
field-team-min = Team size (least)
field-team-max = Team size (most)
field-milestones = Milestones
field-milestones-hint = For example: January planning, February prototype, March delivery
field-budget-yen = Budget (yen)
field-meeting-mode = How the team meets
field-meeting-hours = Meeting time needed (hours a week)
field-meeting-hours-hint = Time the whole team meets together.
field-skill-min-level = Level needed
field-comment = Comment (shown to the organization)
field-comment-hint = When returning a request, say what to change.
field-organization-name = Company or organization
field-organization-kind = Type
field-organization-location = Located
field-contact-person = Contact person
field-message = What you would like to discuss
field-message-hint = Tell us, as far as you can, what work or project you have in mind.
field-prefecture = Prefecture (for the minimum wage)
field-kind = Kind
field-days = Days a week
field-ends-by = Finishes by
filter-remote = Remote possible
filter-days-at-most = { $days } days a week or fewer
filter-ends-by = Finishes by { $hour }:00

## Requests: values
request-kind = Kind
request-kind-job = Job
request-kind-team-project = Team project
request-status = Status
request-status-draft = Draft
request-status-submitted = Waiting for review
request-status-published = Published
request-status-closed-filled = Closed (filled)
request-status-closed-withdrawn = Closed (withdrawn)
request-status-closed-expired = Closed (expired)
work-mode-on-site = On site
work-mode-remote = Remote
work-mode-hybrid = On site and remote
contract-employment = Employee
contract-part-time = Part-time
contract-temporary = Fixed term
contract-outsourcing = Service contract
pay-unit-hourly = Hour
pay-unit-monthly = Month
pay-unit-per-project = Project
pay-hourly = { $amount } an hour
pay-monthly = { $amount } a month
pay-per-project = { $amount } a project
meeting-mode-on-site = In person
meeting-mode-online = Online
flag-within-income-cap = Within income cap OK
flag-career-gap-welcome = Career gap welcome
flag-sudden-absence-covered = Sudden absence covered
flag-children-welcome = Children welcome
organization-kind-company = Company
organization-kind-npo = NPO or association
organization-kind-government = Public body
organization-kind-other = Other
organization-location-in-town = In the town
organization-location-in-japan = Elsewhere in Japan
organization-location-abroad = Abroad

## Requests: pages
request-form-job = Post a job
request-form-project = Post a team project
request-save = Save
request-saved = Saved.
request-moved = The status has been updated.
request-stale = This request had already been changed. Please check its current state.
request-section-main = What
request-section-flags = For parents and carers
request-flags-lead = Tick what applies. Participants search by these.
request-section-skills = Skills needed
request-required-skills = Required skills
request-nice-skills = Nice-to-have skills
request-section-place = Where
request-section-time = When
request-windows-lead = Tick the times the work happens. If any time is fine, choose “Any time” above.
request-windows-caption = Working times
request-section-job = Job terms
request-section-project = Project terms
request-new-job = Post a job
request-new-project = Post a team project
request-mine = Your requests
request-none = No requests.
request-edit = Edit
request-next-step = Next step
request-history = History
request-hours = Hours a week
request-hours-range = { $min }–{ $max } hours a week
request-hours-per-week = { $hours } hours a week
request-days = { $days } days a week
request-people = { $count }
request-team-size = Team size
request-team-range = { $min }–{ $max } people
request-schedule = Times
request-updated = Updated
request-queue-title = Review requests
request-tab-submitted = Waiting for review
request-tab-published = Published
request-tab-draft = Drafts
request-tab-closed = Closed
request-tab-all = All
request-action-created = Created
request-action-edited = Edited
request-action-submit = Send for review
request-action-withdraw = Withdraw
request-action-return = Return with comments
request-action-publish = Publish
request-action-close = Closed
request-action-close-filled = Close (filled)
request-action-close-expired = Close (expired)
request-action-close-withdrawn = Close (withdrawn)
request-close-title = End this request?
request-close-lead = An ended request cannot be reopened. To recruit again, please create a new request.
request-close-back = Go back to the request without ending it
request-close-what-withdraw = The request is withdrawn: it will not be reviewed or published, and if it is published it leaves the list of openings.
request-close-what-withdrawn = The request ends as withdrawn at the organization's wish, and leaves the list of openings.
request-close-what-filled = The request ends as filled: it leaves the list of openings and no new introductions can be made.
request-close-what-expired = The request ends as expired: it leaves the list of openings and no new introductions can be made.
field-close-comment = Reason or note (optional)
field-close-comment-hint-coordinator = Kept in the request's history, which the organization also sees.
field-close-comment-hint-organization = Kept in the request's history, which coordinators also see.
requests-title = Find work and projects
requests-lead = Work and projects you can do while raising children or caring for family. You apply through a coordinator.
requests-search = Filter
requests-none = Nothing matches these conditions at the moment.
requests-back = Back to the list
requests-how-to-apply = If you are interested, please register and talk to a coordinator. Organizations' contact details are not shown here.

## Enquiries
enquiry-title = For companies and organizations
enquiry-lead = We welcome ideas for work and projects to do together with parents and carers. A coordinator will get back to you.
enquiry-submit = Send
enquiry-sent = Thank you. A coordinator will contact you.
enquiries-title = Enquiries from organizations
enquiries-none = No enquiries.
enquiry-received = Received
enquiry-approve = Register and invite
enquiry-decline = Decline
enquiry-approved = The organization is registered and its contact has been invited.
enquiry-declined = The enquiry has been declined.
enquiry-name-taken = An organization with this name is already registered.
enquiry-status-new = New
enquiry-status-approved = Registered
enquiry-status-declined = Declined

## Request errors
error-windows-empty = Tick the working times, or choose “Any time”.
error-windows-shorter-than-hours = The times ticked are fewer than the least hours a week.
error-shift-hours-invalid = Please enter a number from 1 to 12.
error-shift-hours-need-pool = A shortest shift can be given only for shifts to choose from.
error-commuting-allowance-invalid = Please enter a number from 0 to 150,000.
error-days-invalid = Please enter a number from 1 to 7.
error-hours-min-over-max = The least hours are more than the most hours.
error-project-needs-skills = A team project needs at least one required skill.
error-headcount-invalid = Please enter a number from 1 to 100.
error-pay-below-minimum-wage = This is below the prefecture's minimum wage. Please check the amount.
error-team-size-invalid = Please enter a number from 1 to 20.
error-team-min-over-max = The least team size is more than the most.
error-meeting-hours-invalid = Please enter a number from 0 to 20.

request-new-job-behalf = Post a job for an organization
request-new-project-behalf = Post a team project for an organization

## Matching
match-candidates-title = Candidates (matching)
match-candidates-lead = People who meet every condition (working times, income cap, commute and so on), best fit first by skills and way of working. People introduced often lately come a little later.
match-none = Nobody meets the conditions at the moment.
match-score = fit { $score }
match-team-title = Proposed team
match-team-meeting = When everyone can meet:
match-team-coverage = Who covers which skill
match-team-coverage-skill = Skill
match-team-coverage-by = Covered by
match-team-covered-by-nobody = Nobody in the team yet
match-team-skill-required = Required
match-team-skill-nice = Nice to have
match-team-not-proven = With this many candidates, the search stopped at its limit.
match-team-summary = { $people } people cover every required skill and share { $hours } hours a week to meet.
match-team-nice = They also cover { $count } of the nice-to-have skills.
match-team-none = No team can be formed on these terms. Please review the skills, team size and meeting time.
match-team-stopped = With this many candidates, the search stopped at its limit before finding a team. Please narrow the terms and try again.
match-shifts = Shifts they can take: { $shifts }
match-suggestions-title = Work and projects that suit this person
match-suggestions-none = No work or project meets the conditions at the moment. Please also check how complete the profile is.
match-reason-skills-match = Has the required skills
match-reason-fits-schedule = Fits the hours they can work
match-reason-goal-fit = Suits the way they want to work
match-reason-within-income-cap = Within income cap OK
match-reason-career-gap-welcome = Career gap welcome
match-reason-sudden-absence-covered = Sudden absence covered
match-reason-children-welcome = Children welcome
match-reason-hours-reduced-for-cap = Hours can be shortened to stay under the cap
match-reason-chooses-shifts = You can choose your days and shifts
match-reason-grows-skills = Learns new skills
match-reduced-hours = At up to { $hours } hours a week it stays within the income wall (an estimate)
match-gap-required = Required: { $skill } at level { $needed } (has { $has })
match-gap-nice = Nice to have: { $skill } at level { $needed } (has { $has })

proposals-title = Batch proposals (matching)
proposals-lead = The set of introductions across the town, among those meeting every condition, with the highest total fit (at most { $count } per person counting the introductions already in progress, within each request's headcount), best first. Untick the ones you do not want, then save the rest as drafts.

## Introductions
nav-notifications = Notifications
nav-unread = { $count } unread
introductions-title = Introductions
introductions-none = There are no introductions yet.
introductions-mine-title = Introductions for you
introductions-mine-lead = Your coordinator has introduced you. Please read each one and tell us whether we may share your profile with the organization. Nothing about you is shared until you answer.
introduction-filter-all = All
introduction-filter-label = Filter by status
introduction-kind-person = An introduction of one person
introduction-kind-team = An introduction of a team
introduction-see-request = See the request
introduction-status = Status
introduction-fit = Fit
introduction-why = Why it fits
introduction-members = Introduced
introduction-meeting = Meeting
introduction-started = Started on
introduction-outcome = Outcome
introduction-status-draft = Draft
introduction-status-offered = Waiting for the person's answer
introduction-status-consented = Waiting for the organization
introduction-status-accepted = Accepted
introduction-status-meeting-scheduled = Meeting scheduled
introduction-status-engaged = Working
introduction-status-concluded = Outcome recorded
introduction-status-discarded = Set aside (draft)
introduction-status-declined-by-participant = Declined by the person
introduction-status-declined-by-organization = Declined by the organization
introduction-status-withdrawn = Consent withdrawn
introduction-status-cancelled = Cancelled
member-status-offered = Not answered yet
member-status-consented = Consented
member-status-declined = Declined
member-status-withdrawn = Withdrew consent
introduction-action-draft = Drafted from batch proposals
introduction-action-offer = Offered to the person
introduction-action-discard = Draft set aside
introduction-action-accept = Accepted by the organization
introduction-action-decline = Declined by the organization
introduction-action-schedule-meeting = Meeting scheduled
introduction-action-start = Work started
introduction-action-conclude = Outcome recorded
introduction-action-cancel = Introduction cancelled
introduction-action-consent = The person consented
introduction-action-decline-offer = The person declined
introduction-action-withdraw-consent = The person withdrew consent
introduction-do-offer = Offer to the person
introduction-do-discard = Set aside
introduction-do-accept = Accept
introduction-do-decline = Not this time
introduction-do-schedule-meeting = Schedule the meeting
introduction-do-start = Record the start
introduction-do-conclude = Record the outcome
introduction-do-cancel = Cancel the introduction
introduction-cancel-title = Cancel the introduction
introduction-cancel-lead = If you cancel it, the people introduced are told, with the reason. This cannot be undone.
introduction-cancel-members = Who will be told
introduction-cancel-start = Go on to cancel it
introduction-cancel-back = Go back without cancelling
field-introduction-cancel-reason = Reason for cancelling
field-introduction-cancel-reason-hint = It is included in the notice to the people introduced. For example: the position has been filled.
introduction-done-created = Introduced. The person will be notified.
introduction-done-moved = Recorded.
introduction-done-stale = Things had changed, so nothing was done. Please check the latest state.
introduction-done-duplicate = This person already has an introduction to this request in progress.
introduction-done-consent = Thank you. We will share your profile with the organization.
introduction-done-decline = Thank you for your answer. The introduction is declined.
introduction-done-withdraw = Consent withdrawn. The organization can no longer see your profile.
introduction-consent-title = May we share your profile with the organization?
introduction-consent-lead = If you agree, we will share the following with { $organization }, and with no one else.
introduction-consent-note = Your phone number, email, address and your children's details are never shared. You can withdraw your consent at any time.
introduction-consent-agree = I agree to share the information above with { $organization }
introduction-answer-consent = Agree and share
introduction-answer-decline = Decline this time
introduction-withdraw-title = Withdraw consent
introduction-withdraw-lead = If you withdraw, { $organization } can no longer see your profile.
introduction-answer-withdraw = Withdraw consent
introduction-respond-title = Your answer to this introduction
introduction-meeting-title = Schedule a meeting
introduction-start-title = Start of work
introduction-outcome-title = Record the outcome
introduction-outcome-lead = When it leads to work, follow-ups are scheduled after 3, 6 and 12 months.
introduction-follow-ups = Follow-ups
follow-up-outcome-check = Follow-up { $months } months after starting work
error-introduction-consent-required = Please tick the box to agree before we share anything.
field-decline-reason = Reason for declining (optional)
field-decline-reason-hint = If you are happy to say, it helps us with future introductions.
field-meeting-date = Meeting date
field-meeting-time = Start time
field-meeting-place = Place
field-meeting-place-hint = For example: the main lobby, or online (we will send the link)
field-started-on = Start date
field-hours-per-week = Hours a week
field-hours-per-week-hint = When it led to work (1 to 60 hours).
field-pay-band = Hourly pay
field-reason = Why it did not lead to work
field-outcome-reason-hint = Choose one when the outcome is "did not lead to work".
field-by-email = By email
field-in-app = In the notifications on this site
error-time-invalid = Enter a time (for example 10:30).
error-hours-per-week-invalid = Enter a number from 1 to 60.
error-channel-required = Choose at least one way to be notified.
outcome-kind-own-pace = Working at their own pace
outcome-kind-full-return = Back to full-time work
outcome-kind-business-started = Started a business
outcome-kind-not-placed = Did not lead to work
outcome-reason-schedule = Hours or days did not fit
outcome-reason-pay-or-conditions = Pay or conditions did not fit
outcome-reason-childcare-or-care = Childcare or caring needs
outcome-reason-organization-choice = The organization's decision
outcome-reason-participant-choice = The person's decision
outcome-reason-other = Other
outcome-hours = { $hours } hours a week
pay-band-under-1100 = Under ¥1,100 an hour
pay-band-1100-1299 = ¥1,100–1,299 an hour
pay-band-1300-1499 = ¥1,300–1,499 an hour
pay-band-1500-1999 = ¥1,500–1,999 an hour
pay-band-2000-plus = ¥2,000 or more an hour
shared-item-name = Name (with reading)
shared-item-skills = Skills
shared-item-work-history = Work and activities so far
shared-item-availability = When they can work
shared-item-hours = Hours a week
shared-item-goal-track = The way they want to work
shared-item-work-place = Where they want to work
shared-hours = Up to { $hours } hours a week
provision-records-title = Record of what was shared
provision-records-lead = With your consent, which organization received which information and when (the record of third-party provision required by Japan's personal information law).
provision-records-none = Nothing has been shared with any organization yet.
provision-organization = Shared with
provision-items = Information
provision-provided = Shared at
provision-stopped = Stopped at
introduce-this = Introduce { $name }
introduce-team = Introduce this team
proposals-run-title = New proposals
proposals-save-drafts = Save the ticked proposals as drafts
proposals-drafts-title = Drafts to review
proposals-drafts-lead = Review each one, then offer it to the person or set it aside.
proposals-drafts-saved = { $count } saved as drafts.
proposals-keep = Keep this proposal
proposals-left-out-title = People left out of this run
proposals-left-out-count = { $reason }: { $count }
proposals-none-kept = No proposal was ticked. Please tick the proposals you want to save.
held-back-placed = Already placed in work or a business
held-back-at-limit = Already at the limit of introductions in progress
held-back-recently-declined = Declined an introduction in the last 30 days
notifications-title = Notifications
notifications-none = There are no notifications.
notifications-new = New
notifications-channels-title = How you are notified
notifications-channels-legend = Ways to be notified (at least one)
notifications-save = Save
notifications-saved = Saved.
mail-open-link = Open
mail-footer = Replies to this address are not read. For questions, please contact the town's office.
mail-brand = { $town } WakuCareer
mail-notice-subject = [{ $town } WakuCareer] { $title }
mail-notice-body =
    Dear { $name },

    { $body }

    { $link }

    { $brand }
notice-introduction-offered-title = An introduction for you: { $request }
notice-introduction-offered-body = We would like to introduce you to "{ $request }" at { $organization }. Please see why it fits and tell us whether we may share your profile. { $remark }
notice-introduction-consented-title = Consent to share a profile
notice-introduction-consented-body = { $person } agreed to share their profile for "{ $request }". Please read it and reply.
notice-introduction-declined-title = An introduction was declined
notice-introduction-declined-body = { $person } declined the introduction to "{ $request }" ({ $organization }).
notice-consent-withdrawn-title = Consent withdrawn
notice-consent-withdrawn-body = { $person } withdrew consent for "{ $request }". The profile is no longer shown.
notice-organization-responded-title = { $organization } has replied
notice-organization-responded-body = About "{ $request }", { $organization } { $response ->
        [accepted] has accepted. We will send you the meeting date.
       *[declined] has decided not to go ahead this time. We will look for other introductions.
    }
notice-meeting-scheduled-title = Meeting scheduled
notice-meeting-scheduled-body = Meeting for "{ $request }" ({ $organization }): { $when }
notice-work-started-title = Work has started
notice-work-started-body = The start of work for "{ $request }" ({ $organization }) has been recorded.
notice-introduction-cancelled-title = Introduction cancelled
notice-introduction-cancelled-body = The introduction to "{ $request }" ({ $organization }) was cancelled. { $reason }Please ask your coordinator if you have questions.
notice-follow-up-due-title = Follow-up due: { $person }
notice-follow-up-due-body = Follow-up with { $person } ({ $due }): { $note }
home-introductions = Introductions
home-introductions-waiting = { $count } introductions are waiting for your answer.
outbox-health-failing = { $count } emails could not be sent yet (still retrying).
outbox-health-dead = { $count } emails were given up on. Please check the addresses.
match-reason-already-introduced = Already introduced
field-mail-lang = Language of notifications and emails
language-name-ja = Japanese (日本語)
language-name-en = English
follow-up-answer = What you learned (optional)
outbox-status-dead = Given up (please check the address)
score-points = { $score } out of 100
field-introduction-note-hint = A message to the other side, if you have one (optional).

## Events
events-title = Events and courses
events-lead = Seminars, round-table talks, courses and career consultations. Some have childcare.
events-none = No events are planned.
events-filter-label = Filter events
events-filter-childcare = With childcare only
events-filter-from = From this day
events-filter-apply = Filter
events-public-feed = Add to your calendar (all public events)
events-staff-title = Manage events
events-new = Create an event
events-save = Create
events-public-page = Public page
event-kind-all = All kinds
event-kind-seminar = Seminar
event-kind-round-table = Round-table talk
event-kind-workshop = Workshop
event-kind-course = Course
event-kind-company-session = Session with companies
event-kind-consultation = Career consultation (one to one)
event-childcare-badge = Childcare
event-sessions-count = { $count } sessions
event-online = Online
event-seats-left = { $count } seats left
event-full-waitlist = Full (you can join the waiting list)
event-capacity = { $count } places
event-when = When
event-place = Where
event-seats = Seats
event-childcare = Childcare
event-care-left = { $count } more
event-care-full = Full
event-children-programme = At the same time there is "{ $programme }" for children.
event-registration = Registration
event-registration-open-until = Open until { $when }
event-registration-opens = Opens on { $when }
event-registration-closed = Closed
event-registration-cancelled = Cancelled
event-you-are-booked = Your registration: { $status }
event-book-title = Register
event-book-children = Children who need childcare (how many)
event-book-no-children = Your profile has no children, so childcare cannot be booked. Update your profile if you need it.
event-book-note = If a seat and childcare cannot both be kept for you, you join the waiting list, and we tell you in turn when places free up.
event-book = Register
event-sign-in-to-book = Sign in to register
event-add-to-calendar = Add to calendar (.ics)
event-children-count = { $count }
event-host = With { $name }
event-waiting = { $count } waiting
event-no-skill = (no skill taught)
event-cancel-title = Cancel the event
event-cancel-lead = Everyone registered will be told. This cannot be undone.
event-cancel = Cancel this event
booking-status-confirmed = Registered
booking-status-waitlisted = Waiting list
booking-status-offered = A place is free (please confirm)
booking-status-cancelled = Cancelled
booking-status-lapsed = Expired
booking-done-confirmed = You are registered, with childcare places for your children.
booking-done-waitlisted = The event is full, so you are on the waiting list. We will tell you if a place frees up.
booking-done-cancelled = Cancelled.
booking-done-stale = Things had changed, so nothing was done.
booking-done-past-deadline = The cancellation deadline has passed. Please contact the office.
booking-done-feed-revoked = The calendar link was removed. The old link no longer works.
bookings-ended-title = Cancelled and expired
error-booking-not-open-yet = Registration has not opened yet.
error-booking-closed = Registration has closed.
error-booking-event-cancelled = This event was cancelled.
error-booking-no-childcare = This event has no childcare. Please set the number of children to 0.
error-booking-more-children-than-profile = You cannot book childcare for more children than your profile has.
error-booking-already-booked = You are already registered for this event.
error-booking-overlaps = You are registered for another event at the same time.
my-events-title = My events
my-events-none = You have not registered for any event.
my-events-childcare = Childcare: { $children }
my-events-offer-until = Please confirm by { $until }; after that the place goes to the next person.
my-events-confirm = Confirm my place
my-events-cancel = Cancel
my-events-credentials = Courses completed
calendar-feed-title = Calendar link
calendar-feed-lead = Your registered events can appear in your phone's calendar. The link is yours alone; if someone else learns it, make a new one.
calendar-feed-make = Make a calendar link
calendar-feed-renew = Make a new link
calendar-feed-revoke = Remove the link
calendar-feed-made = Your calendar link is ready. It is shown only now: add it to your calendar app.
attendance-title = Attendance
attendance-sessions = Choose a session
attendance-summary-present = { $count } present
attendance-summary-no-shows = { $count } absent
attendance-summary-children = { $count } children in care
attendance-none = No confirmed registrations.
attendance-children-in-care = Children left at childcare
attendance-save = Record attendance
waitlist-title = Waiting list
waitlist-none = Nobody is waiting.
field-title-en = Title in English (optional)
field-description-en = Description in English (optional)
field-english-version-hint = If you also write it in English, people reading in English see that version; otherwise they see the Japanese.
field-place = Place
field-event-place-hint = Enter a place or an online URL.
field-online-url = Online URL
field-date = Date (first session)
field-start-time = Start time
field-end-time = End time
field-sessions = Sessions (weekly)
field-sessions-hint = For a course, the number of weekly sessions at the same time.
field-capacity = Places
field-capacity-hint = A career consultation is for one person.
field-opens-on = Registration opens
field-closes-on = Registration closes
field-closes-on-hint = If empty, registration stays open until the start.
field-cancel-until = Cancellation deadline
field-childcare = Childcare offered
field-carers = Carers on duty
field-carers-hint = Each carer can look after 3 babies, 6 children aged 1–2, 20 aged 3–5 or 30 of school age (the national standard); places are computed from this.
field-children-programme = Programme for children at the same time (optional)
field-public = Show to the public
field-skill-id = Skill taught (courses)
field-skill-id-hint = Completing the course (80% attendance) adds this skill to the participant's profile.
error-place-or-online = Enter a place or an online URL.
error-url-https = Enter a URL starting with https://.
error-end-before-start = The end must be after the start.
error-sessions-invalid = Enter a number from 1 to 20.
error-capacity-invalid = Enter a number from 1 to 500.
error-carers-invalid = With childcare, enter a number from 1 to 30.
error-closes-before-opens = Registration must close after it opens.
notice-booking-confirmed-title = You are registered: { $event }
notice-booking-confirmed-body = Your registration for "{ $event }" ({ $when }, { $place }) is confirmed.
notice-booking-waitlisted-title = On the waiting list: { $event }
notice-booking-waitlisted-body = "{ $event }" ({ $when }) is full, so you are on the waiting list. We will tell you if a place frees up.
notice-seat-offered-title = A place is free: { $event }
notice-seat-offered-body = A place is free for "{ $event }" ({ $when }). Please confirm by { $until }; after that it goes to the next person.
notice-event-cancelled-title = Cancelled: { $event }
notice-event-cancelled-body = "{ $event }" ({ $when }) has been cancelled. { $reason }We are sorry for the trouble.
notice-reason = Reason: { $reason }.{" "}
notice-event-changed-title = New date or place: { $event }
notice-event-changed-body = The date, time or place of "{ $event }", which you registered for, has changed. It is now at { $when }, { $place }. If this no longer suits you, you can cancel your registration on your page.
notice-event-reminder-title = Tomorrow: { $event }
notice-event-reminder-body = "{ $event }" is at { $when }, { $place }. We look forward to seeing you.
notice-income-cap-moved-title = We have updated your income wall
notice-income-cap-moved-body = The 2025 tax reform moved the "1.03 million yen wall". We have set yours to the spouse deduction, now a yearly salary of up to 1.23 million yen. You can choose again on your profile, by what you want to keep.
home-events = See events and courses
field-event-description = What it is about
match-gap-course = { $gap } (taught in the course "{ $course }")
event-capacity-title = Change places and carers
event-capacity-save = Change
event-cancel-booking = Cancel this registration
event-done-created = The event has been created. If you made it public, it is on the list.
event-done-saved = Your changes have been saved.
event-done-saved-told = Your changes have been saved, and everyone registered has been told of the new date or place.
event-done-cancelled = The event has been cancelled, and everyone registered has been told.
event-done-attendance-not-yet = Attendance can be recorded from the day of the session. Nothing was recorded.
event-done-attendance-closed = The time for recording attendance has passed. Nothing was recorded.
attendance-not-yet = Attendance can be recorded from the day of the session.
attendance-closed = More than { $days } days have passed since the end, so attendance stands as recorded.
attendance-present = present
attendance-absent = absent
events-tabs = Events by state
events-tab-upcoming = Upcoming
events-tab-past = Ended
events-tab-cancelled = Cancelled
events-past-lead = For events that have ended you can still record attendance and course completion.
event-slots-title = Make consultation slots in series
event-slots-lead = Choose a weekday and hours, and one-to-one consultation slots of the same length are made every week. Each slot can be booked by one person.
event-slots-save = Make the slots
event-slots-default-title = Career consultation (one to one)
events-done-slots = { $count } consultation slots have been made.
field-slots-date-hint = The first day; the following weeks are on the same weekday.
field-slot-minutes = Length of each slot (minutes)
field-weeks = Number of weeks
field-weeks-hint = 1 to 26 weeks
error-weeks-invalid = Please enter a number of weeks from 1 to 26.
error-slot-minutes-invalid = Please enter a slot length from 10 to 180 minutes.
error-slot-longer-than-window = Each slot is longer than the hours you chose.
error-too-many-slots = At most 200 slots can be made at once. Please choose fewer weeks or shorter hours.
event-ended-booked = Ended ({ $count } registered)
event-edit = Edit this event
event-edit-title = Edit the event
event-edit-lead = The kind, number of sessions, seats and childcare cannot be changed here. If you change the date, time or place, everyone registered is told.
event-save-changes = Save the changes
event-back = Back to the event
event-cancel-start = Go on to cancel it
event-cancel-told = The { $count } people registered or on the waiting list will be told it is cancelled, and why.
event-cancel-back = Go back without cancelling
field-cancel-reason = Reason for cancelling
field-cancel-reason-hint = It is included in the notice to the people registered. For example: the speaker is ill.
field-cancel-until-hint = If left empty, participants can cancel themselves until the start. It cannot be after the day of the event.
event-registration-cancelled-because = Cancelled (reason: { $reason })
error-deadline-after-start = Please choose the day of the event or an earlier day.
event-done-attendance = Attendance recorded.
event-done-capacity-changed = Changed. If places opened, they were offered to the waiting list in order.
event-done-capacity-below-bookings = It cannot go below the confirmed registrations (seats or childcare). Nothing was changed.
event-done-capacity-invalid = Enter 1 to 500 places and 1 to 30 carers. Nothing was changed.
content-in-japanese = This is written in Japanese only.

## Coordinator: finding participants
field-who = Name or reading
field-who-hint = Part of the name, or part of its furigana (hiragana or katakana alike).
field-skill-text = Skill name
field-skill-text-hint = Instead of picking from the list, type part of a skill's name.
field-registered = Registered
field-area = Area
field-care = Family needs
filter-registered-days = In the last { $days } days
filter-care-childcare = Has a child under school age (needs childcare)
filter-care-elder = Cares for an older relative
filter-care-family = Looks after another family member
error-no-such-skill = No skill has that name. Try other words, or pick one from the list.

## Coordinator: what a person has taken part in
record-bookings-title = Event bookings and attendance
record-bookings-none = No event bookings yet.
record-bookings-caption = Events booked (newest first)
record-col-event = Event
record-col-when = When
record-col-booking = Booking
record-attendance-not-recorded = Attendance not recorded yet
record-attendance-sessions = Attended { $attended } of { $of } sessions
record-credentials-title = Courses completed
record-introductions-title = Introductions
record-introductions-none = No introductions yet.
record-updated = Updated

## The audit log, readable
field-action = Kind
field-actor = Done by
field-actor-hint = Part of a name or its reading (hiragana or katakana), or an account number (e.g. #12)
field-person = About
field-person-hint = Find who viewed a person's data and when. Type part of their name or reading, or their account number.
field-from = From
field-until = Until
error-until-before-from = The end date must be the same as or after the start date.
error-no-one-named = Nobody has that name. Try part of the name or its reading, or type an account number.
audit-person-name = { $name }
audit-target-numbered = { $target } (no. { $id })
audit-csv-download = Download these entries as CSV
audit-csv-note = Opens in Excel (up to 10,000 entries). The download is itself logged.
audit-csv-actor-number = Account number
audit-csv-role = Role
audit-csv-detail = Detail
audit-event-audit-log-export = Downloaded the audit log as CSV
audit-action-introduction = Introductions
audit-action-event = Events and bookings
audit-action-request = Jobs and projects
audit-action-enquiry = Enquiries from organizations
audit-action-consent = Consent
audit-action-outbox = Outgoing mail

## Cancelling one booking, on a page of its own
notice-booking-cancelled-by-staff-title = Your booking was cancelled: { $event }
notice-booking-cancelled-by-staff-body = Your booking for "{ $event }" ({ $when }) has been cancelled by the staff. { $reason }If anything is unclear, please ask the coordinator.
booking-cancel-title = Cancel your booking
booking-cancel-lead = This cancels the booking below. Your place goes to the next person on the waiting list.
booking-cancel-deadline = You can cancel until { $deadline }
booking-cancel-confirm = Yes, cancel the booking
booking-cancel-back = Keep the booking
booking-cancel-staff-title = Cancel a booking (staff)
booking-cancel-staff-lead = This cancels { $name }'s booking. They are told, with your reason. The place goes to the waiting list.
booking-cancel-person = Booked by
field-booking-cancel-reason = Reason the person is told
field-booking-cancel-reason-hint = For example: to adjust numbers, or to offer another date. It appears in the notice as written.
event-done-booking-cancelled = The booking was cancelled and the person was told.

## An introduction keeps its gaps and carries a personal note
notice-remark = From your coordinator: "{ $remark }"{" "}
introduction-gaps = What is missing (as seen when introduced)
introduction-personal-note = A word from your coordinator
introduction-add-note = Add a personal note (optional)
field-personal-note = Note to the person
field-personal-note-hint = Shown in the notice and on their introduction page (up to 500 characters). For example: this is the remote work you asked about.
introduction-done-note-too-long = The note is too long, so the introduction was not sent. Please keep it to 500 characters.

## Correcting a hearing
hearing-correct-link = Correct this record
hearing-correct-title = Correct a hearing record
hearing-correct-lead = You are correcting { $name }'s hearing record. What it said before is kept in its history, with your reason.
hearing-correct-save = Save the correction
hearing-correct-back = Go back without correcting
hearing-corrected = The hearing record was corrected. What it said before is kept in its history.
hearing-history = Corrections ({ $count })
hearing-revision-changed = Corrected by { $name }, { $when }
hearing-revision-before = Before
field-correction-reason = Reason for the correction
field-correction-reason-hint = For example: the date was entered wrongly. It is kept in the history.
audit-event-participant-hearing-corrected = Corrected a hearing record
