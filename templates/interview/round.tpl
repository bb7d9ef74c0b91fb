{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="{{ROUNDS_PATH}}">{{_ Back to the interview rounds}}</a></p>
<h1>{{NAME}}</h1>
<p>{{CASE_TITLE}}</p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<dl>
<dt>{{_ Place or online link}}</dt><dd>{{DEFAULT_PLACE}}</dd>
<dt>{{_ Booking cut-off (hours before)}}</dt><dd>{{CUTOFF_HOURS}}</dd>
</dl>
<h2 id="schedule">{{_ Schedule}}</h2>
{{#NO_SLOTS}}<p>{{_ The round has no time slots yet.}}</p>{{/NO_SLOTS}}
{{#HAS_SLOTS}}<table class="table table--zebra" id="interview-schedule">
<caption class="sr-only">{{_ Schedule}}</caption>
<thead><tr><th scope="col">{{_ Time}}</th><th scope="col">{{_ Place or online link}}</th><th scope="col">{{_ Members present}}</th><th scope="col">{{_ Applicant}}</th></tr></thead>
<tbody>
{{#SLOT}}<tr id="slot-{{SLOT_ID}}"><th scope="row">{{TIME}}</th><td>{{PLACE}}</td><td>{{MEMBERS}}</td>
<td>{{#FREE}}{{_ Free}}{{/FREE}}{{#BOOKED}}<span class="booked-applicant">{{APPLICANT}}</span>{{#BY_STAFF}} ({{_ given by HR}}){{/BY_STAFF}}
{{#CAN_MANAGE}}<form method="post" action="{{ACTION}}/cancel" class="inline-form">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><input type="hidden" name="application_id" value="{{APPLICATION_ID}}">
<button type="submit" class="button button-secondary button-small">{{_ Cancel the booking}}</button>
</form>{{/CAN_MANAGE}}{{/BOOKED}}</td></tr>
{{/SLOT}}</tbody>
</table>{{/HAS_SLOTS}}
{{#CAN_MANAGE}}
<details class="details" id="add-slots"><summary class="details-summary">{{_ Add time slots}}</summary>
<div class="details-text">
<form method="post" action="{{ACTION}}/slots" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_DATE}} form-error{{/ERROR_DATE}}">
<label class="form-label" for="date">{{_ Date (YYYY-MM-DD)}}</label>
{{#ERROR_DATE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_DATE}}
<input class="form-input input-width-s" type="date" id="date" name="date" value="{{VALUE_DATE}}">
</div>
<div class="form-group{{#ERROR_START_TIME}} form-error{{/ERROR_START_TIME}}">
<label class="form-label" for="start_time">{{_ From (HH:MM)}}</label>
{{#ERROR_START_TIME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_START_TIME}}
<input class="form-input input-width-xs" type="time" id="start_time" name="start_time" value="{{VALUE_START_TIME}}">
</div>
<div class="form-group{{#ERROR_COUNT}} form-error{{/ERROR_COUNT}}">
<label class="form-label" for="count">{{_ Number of slots}}</label>
{{#ERROR_COUNT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_COUNT}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="count" name="count" value="{{VALUE_COUNT}}">
</div>
<div class="form-group{{#ERROR_MINUTES}} form-error{{/ERROR_MINUTES}}">
<label class="form-label" for="minutes">{{_ Length of each slot (minutes)}}</label>
{{#ERROR_MINUTES}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_MINUTES}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="minutes" name="minutes" value="{{VALUE_MINUTES}}">
</div>
<div class="form-group{{#ERROR_PAUSE_MINUTES}} form-error{{/ERROR_PAUSE_MINUTES}}">
<label class="form-label" for="pause_minutes">{{_ Pause between slots (minutes)}}</label>
{{#ERROR_PAUSE_MINUTES}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PAUSE_MINUTES}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="pause_minutes" name="pause_minutes" value="{{VALUE_PAUSE_MINUTES}}">
</div>
<div class="form-group{{#ERROR_PLACE}} form-error{{/ERROR_PLACE}}">
<label class="form-label" for="place">{{_ Place or online link (empty: the round's)}}</label>
{{#ERROR_PLACE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PLACE}}
<input class="form-input input-width-xl" type="text" id="place" name="place" maxlength="500" value="{{VALUE_PLACE}}">
</div>
<fieldset class="form-group{{#ERROR_MEMBER_ID}} form-error{{/ERROR_MEMBER_ID}}" id="member_id">
<legend class="form-label">{{_ Members present}}</legend>
{{#ERROR_MEMBER_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_MEMBER_ID}}
{{#MEMBER}}<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="member-{{USER_ID}}" name="member_id" value="{{USER_ID}}"><label class="form-label" for="member-{{USER_ID}}">{{NAME}}</label></div>
{{/MEMBER}}</fieldset>
<button type="submit" class="button button-primary">{{_ Add the slots}}</button>
</form>
</div></details>
<h2 id="applicants">{{_ Invite applicants}}</h2>
<p>{{_ Invited applicants pick a free time through their personal link. Send them the invitation mail with the link afterwards.}}</p>
<form method="post" action="{{ACTION}}/invite" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset class="form-group{{#ERROR_APPLICATION_ID}} form-error{{/ERROR_APPLICATION_ID}}" id="application_id">
<legend class="form-label">{{_ Applicants}}</legend>
{{#ERROR_APPLICATION_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_APPLICATION_ID}}
{{#APPLICANT}}<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="invite-{{APPLICATION_ID}}" name="application_id" value="{{APPLICATION_ID}}"{{#INVITED}} checked{{/INVITED}}><label class="form-label" for="invite-{{APPLICATION_ID}}">{{LABEL}}{{#INVITED}} ({{_ invited}}){{/INVITED}}{{#BOOKED}} ({{_ has a time}}){{/BOOKED}}</label></div>
{{/APPLICANT}}</fieldset>
<button type="submit" class="button button-primary">{{_ Invite the chosen applicants}}</button>
</form>
{{#HAS_INVITED}}<p><a class="button button-secondary" href="{{MAIL_HREF}}">{{_ Write the invitation mail to the invited applicants}}</a></p>{{/HAS_INVITED}}
<h2 id="assign">{{_ Give an applicant a fixed time}}</h2>
<p>{{_ An applicant who has a time in the round is moved to the new one.}}</p>
<form method="post" action="{{ACTION}}/assign" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group">
<label class="form-label" for="assign-application">{{_ Applicant}}</label>
<select class="form-select" id="assign-application" name="application_id">
{{#ASSIGN_APPLICANT}}<option value="{{APPLICATION_ID}}">{{LABEL}}</option>{{/ASSIGN_APPLICANT}}
</select>
</div>
<div class="form-group">
<label class="form-label" for="assign-slot">{{_ Time}}</label>
<select class="form-select" id="assign-slot" name="slot_id">
{{#ASSIGN_SLOT}}<option value="{{SLOT_ID}}"{{#TAKEN}} disabled{{/TAKEN}}>{{TIME}}{{#TAKEN}} ({{_ taken}}){{/TAKEN}}</option>{{/ASSIGN_SLOT}}
</select>
</div>
<button type="submit" class="button button-primary">{{_ Give the time}}</button>
</form>
{{/CAN_MANAGE}}
