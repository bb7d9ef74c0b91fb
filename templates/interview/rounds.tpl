{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Interviews}}</h1>
<p>{{CASE_TITLE}}</p>
{{>ERROR_SUMMARY}}
{{#NO_ROUNDS}}<p>{{_ The case has no interview rounds yet.}}</p>{{/NO_ROUNDS}}
{{#HAS_ROUNDS}}<table class="table table--zebra">
<caption class="sr-only">{{_ Interview rounds}}</caption>
<thead><tr><th scope="col">{{_ Round}}</th><th scope="col">{{_ Place or online link}}</th><th scope="col">{{_ Booking cut-off (hours before)}}</th></tr></thead>
<tbody>
{{#ROUND}}<tr><th scope="row"><a href="{{HREF}}">{{NAME}}</a></th><td>{{PLACE}}</td><td>{{CUTOFF_HOURS}}</td></tr>
{{/ROUND}}</tbody>
</table>{{/HAS_ROUNDS}}
{{#CAN_MANAGE}}<h2 id="new-round">{{_ New interview round}}</h2>
<form method="post" action="/cases/{{CASE_ID}}/interviews" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name of the round}}</label>
{{#ERROR_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" maxlength="200" value="{{VALUE_NAME}}">
</div>
<div class="form-group{{#ERROR_DEFAULT_PLACE}} form-error{{/ERROR_DEFAULT_PLACE}}">
<label class="form-label" for="default_place">{{_ Place or online link}}</label>
{{#ERROR_DEFAULT_PLACE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_DEFAULT_PLACE}}
<input class="form-input input-width-xl" type="text" id="default_place" name="default_place" maxlength="500" value="{{VALUE_DEFAULT_PLACE}}">
</div>
<div class="form-group{{#ERROR_CUTOFF_HOURS}} form-error{{/ERROR_CUTOFF_HOURS}}">
<label class="form-label" for="cutoff_hours">{{_ Booking cut-off (hours before)}}</label>
<span class="form-hint" id="cutoff_hours-hint">{{_ Applicants can book, rebook and cancel until this many hours before the interview.}}</span>
{{#ERROR_CUTOFF_HOURS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CUTOFF_HOURS}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="cutoff_hours" name="cutoff_hours" aria-describedby="cutoff_hours-hint" value="{{VALUE_CUTOFF_HOURS}}">
</div>
<button type="submit" class="button button-primary">{{_ Make the round}}</button>
</form>{{/CAN_MANAGE}}
