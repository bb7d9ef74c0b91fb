{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Deletion of personal data}}</h1>
{{>ERROR_SUMMARY}}
<p class="font-lead">{{_ Applications are deleted with everything about them a set time after their case is closed; an applicant's consent to keep the application for future positions keeps it until the consent ends. The chosen candidate's application is not deleted by this rule.}}</p>
<ul class="nobullet-list">
<li><a href="/retention/person">{{_ Find everything held about a person (request for access or erasure)}}</a></li>
<li><a href="/retention/requests">{{_ The register of requests from data subjects}}</a></li>
</ul>
<h2 id="upcoming">{{_ To be deleted in the next 30 days}}</h2>
{{#NO_UPCOMING}}<p>{{_ Nothing is due for deletion in the next 30 days.}}</p>{{/NO_UPCOMING}}
{{#HAS_UPCOMING}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="upcoming"><table class="table table--compact" id="upcoming-deletions">
<thead><tr><th scope="col">{{_ Case}}</th><th scope="col">{{_ Applications}}</th><th scope="col">{{_ First deleted on}}</th></tr></thead>
<tbody>
{{#UPCOMING}}<tr><td><a href="/cases/{{CASE_ID}}">{{CASE_TITLE}}</a></td><td>{{COUNT}}</td><td>{{DUE}}</td></tr>
{{/UPCOMING}}</tbody></table></div>{{/HAS_UPCOMING}}
<h2 id="holds">{{_ Holds}}</h2>
<p>{{_ A hold stops the deletion of a case's applications while a complaint or a lawsuit needs them. Placing and lifting a hold is recorded in the audit trail.}}</p>
{{#NO_HOLDS}}<p>{{_ No case is on hold.}}</p>{{/NO_HOLDS}}
<ul class="nobullet-list">
{{#HOLD}}<li class="mt-3"><a href="/cases/{{CASE_ID}}">{{CASE_TITLE}}</a>: {{REASON}} ({{BY}}, {{AT}})
<form method="post" action="/retention/holds/{{HOLD_ID}}/lift" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary button-small">{{_ Lift the hold}}<span class="sr-only">: {{CASE_TITLE}}</span></button></form></li>
{{/HOLD}}</ul>
<form method="post" action="/retention/holds" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CASE_ID}} form-error{{/ERROR_CASE_ID}}">
<label class="form-label" for="case_id">{{_ Closed case}}</label>
{{#ERROR_CASE_ID}}<span class="form-error-message" id="case_id-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CASE_ID}}
<select class="form-select select-whole" id="case_id" name="case_id">
{{#CASE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/CASE_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{_ Reason for the hold}}</label>
<span class="form-hint" id="reason-hint">{{_ Kept with the hold, not in the audit trail. At most 1,000 characters.}}</span>
{{#ERROR_REASON}}<span class="form-error-message" id="reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<textarea class="form-input" id="reason" name="reason" rows="2" aria-describedby="reason-hint{{#ERROR_REASON}} reason-error{{/ERROR_REASON}}">{{VALUE_REASON:pre_escape}}</textarea>
</div>
<button type="submit" class="button button-secondary">{{_ Place a hold}}</button>
</form>
<h2 id="settings">{{_ Retention periods}}</h2>
<form method="post" action="/retention/settings" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_APPLICATIONS_MONTHS}} form-error{{/ERROR_APPLICATIONS_MONTHS}}">
<label class="form-label" for="applications_months">{{_ Applications: months after the case is closed}}</label>
<span class="form-hint" id="applications_months-hint">{{_ 1 to 60. The usual period is 6 months.}}</span>
{{#ERROR_APPLICATIONS_MONTHS}}<span class="form-error-message" id="applications_months-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_APPLICATIONS_MONTHS}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="applications_months" name="applications_months" value="{{VALUE_APPLICATIONS_MONTHS}}" aria-describedby="applications_months-hint{{#ERROR_APPLICATIONS_MONTHS}} applications_months-error{{/ERROR_APPLICATIONS_MONTHS}}">
</div>
<div class="form-group{{#ERROR_ACCESS_LOG_MONTHS}} form-error{{/ERROR_ACCESS_LOG_MONTHS}}">
<label class="form-label" for="access_log_months">{{_ Access log: months after each entry}}</label>
<span class="form-hint" id="access_log_months-hint">{{_ 6 to 60.}}</span>
{{#ERROR_ACCESS_LOG_MONTHS}}<span class="form-error-message" id="access_log_months-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_ACCESS_LOG_MONTHS}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="access_log_months" name="access_log_months" value="{{VALUE_ACCESS_LOG_MONTHS}}" aria-describedby="access_log_months-hint{{#ERROR_ACCESS_LOG_MONTHS}} access_log_months-error{{/ERROR_ACCESS_LOG_MONTHS}}">
</div>
<div class="form-group{{#ERROR_USERS_MONTHS}} form-error{{/ERROR_USERS_MONTHS}}">
<label class="form-label" for="users_months">{{_ Ended accounts: months after a user is deactivated or an external member's case is closed}}</label>
<span class="form-hint" id="users_months-hint">{{_ 1 to 60. Then the account is erased: its name and e-mail address, also in the audit trail.}}</span>
{{#ERROR_USERS_MONTHS}}<span class="form-error-message" id="users_months-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_USERS_MONTHS}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="users_months" name="users_months" value="{{VALUE_USERS_MONTHS}}" aria-describedby="users_months-hint{{#ERROR_USERS_MONTHS}} users_months-error{{/ERROR_USERS_MONTHS}}">
</div>
<button type="submit" class="button button-primary">{{_ Save the periods}}</button>
</form>
<h2 id="report">{{_ Deleted in the last 12 months}}</h2>
{{#NO_REPORT}}<p>{{_ Nothing has been deleted in the last 12 months.}}</p>{{/NO_REPORT}}
{{#HAS_REPORT}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="report"><table class="table table--compact" id="deletion-report">
<thead><tr><th scope="col">{{_ Month}}</th><th scope="col">{{_ What}}</th><th scope="col">{{_ Case}}</th><th scope="col">{{_ Deleted}}</th></tr></thead>
<tbody>
{{#REPORT}}<tr><td>{{MONTH}}</td><td>{{WHAT}}</td><td>{{CASE_TITLE}}</td><td>{{COUNT}}</td></tr>
{{/REPORT}}</tbody></table></div>{{/HAS_REPORT}}
