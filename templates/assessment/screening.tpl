{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Screening methods}}</h1>
<p>{{CASE_TITLE}}</p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<form method="post" action="/cases/{{CASE_ID}}/screening" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<fieldset{{#READ_ONLY}} disabled{{/READ_ONLY}}>
<legend class="h2">{{_ Methods}}</legend>
<p class="form-hint">{{_ Several methods may be combined.}}</p>
<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="individual" name="individual" value="1" aria-describedby="individual-hint"{{#INDIVIDUAL_CHECKED}} checked{{/INDIVIDUAL_CHECKED}}><label class="form-label" for="individual">{{_ Individual assessment}}</label><span class="form-hint" id="individual-hint">{{_ Each member marks each applicant Yes, Maybe or No, and sees the others' marks only after giving their own.}}</span></div>
<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="scorecard" name="scorecard" value="1" aria-describedby="scorecard-hint"{{#SCORECARD_CHECKED}} checked{{/SCORECARD_CHECKED}}><label class="form-label" for="scorecard">{{_ Criteria scorecard}}</label><span class="form-hint" id="scorecard-hint">{{_ Members score each criterion from 1 to 5; the result is the weighted mean, with the spread between members.}}</span></div>
<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="knockout" name="knockout" value="1" aria-describedby="knockout-hint"{{#KNOCKOUT_CHECKED}} checked{{/KNOCKOUT_CHECKED}}><label class="form-label" for="knockout">{{_ Knockout screening}}</label><span class="form-hint" id="knockout-hint">{{_ Applicants whose answers hit a disqualifying option are flagged and can be shown as a group. Nobody is rejected until a person confirms it.}}</span></div>
<div class="form-group-checkbox"><input class="form-checkbox" type="checkbox" id="anonymous" name="anonymous" value="1" aria-describedby="anonymous-hint"{{#ANONYMOUS_CHECKED}} checked{{/ANONYMOUS_CHECKED}}><label class="form-label" for="anonymous">{{_ Anonymised first round}}</label><span class="form-hint" id="anonymous-hint">{{_ Names, contact data, age, gender and photos are hidden from the committee until the Projektleder lifts the anonymity of an applicant.}}</span></div>
</fieldset>
<fieldset{{#READ_ONLY}} disabled{{/READ_ONLY}} id="criteria">
<legend class="h2">{{_ Criteria of the scorecard}}</legend>
<p class="form-hint">{{_ Take the criteria from the requirement profile. A weight is a whole number from 1 to 10; leave a name empty to remove the criterion.}}</p>
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Criteria of the scorecard}}">
<table class="table table--responsive-headers">
<caption class="sr-only">{{_ Criteria of the scorecard}}</caption>
<thead><tr><th scope="col">{{_ Criterion}}</th><th scope="col">{{_ Weight}}</th></tr></thead>
<tbody>
{{#CRITERION}}<tr{{#HAS_ERROR}} class="form-error"{{/HAS_ERROR}}><td data-title="{{_ Criterion}}"><input type="hidden" name="{{FIELD}}_id" value="{{ID}}"><label class="sr-only" for="{{FIELD}}">{{_ Criterion}} {{NUMBER}}</label>{{#HAS_ERROR}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{ERROR}}</span>{{/HAS_ERROR}}<input class="form-input" type="text" id="{{FIELD}}" name="{{FIELD}}" value="{{NAME}}" maxlength="200"></td><td data-title="{{_ Weight}}"><label class="sr-only" for="{{FIELD}}_weight">{{_ Weight of criterion}} {{NUMBER}}</label><input class="form-input input-width-xs" type="text" inputmode="numeric" id="{{FIELD}}_weight" name="{{FIELD}}_weight" value="{{WEIGHT}}" maxlength="3"></td></tr>
{{/CRITERION}}</tbody>
</table>
</div>
</fieldset>
{{#CAN_CONFIGURE}}<button type="submit" class="button button-primary">{{_ Save the screening}}</button>{{/CAN_CONFIGURE}}
</form>
