{{%AUTOESCAPE context="HTML"}}<h1>{{_ Access to an institution}}</h1>
<p class="font-lead">{{_ For maintenance you can get time-limited access to one institution's data. The institution's Superbrugere and Administrators see every access and everything done under it.}}</p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{#ACTIVE}}<div class="alert alert-warning" role="status" id="active-access"><div class="alert-body">
<p class="alert-heading">{{_ You have access to}} {{INSTITUTION}}</p>
<p class="alert-text">{{_ Reason:}} {{REASON}}<br>{{_ From}} {{STARTS}} {{_ until}} {{EXPIRES}}</p>
</div></div>
<form method="post" action="/operator/access/end">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ End the access now}}</button>
</form>{{/ACTIVE}}
{{#NO_ACCESS}}<p id="no-access">{{_ You have no access to an institution's data now.}}</p>{{/NO_ACCESS}}
<h2>{{_ Ask for access}}</h2>
<p>{{_ A new access ends the current one.}}</p>
{{>ERROR_SUMMARY}}
<form method="post" action="/operator/access" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_INSTITUTION_ID}} form-error{{/ERROR_INSTITUTION_ID}}">
<label class="form-label" for="institution_id">{{_ Institution}}</label>
{{#ERROR_INSTITUTION_ID}}<span class="form-error-message" id="institution_id-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_INSTITUTION_ID}}
<select class="form-select" id="institution_id" name="institution_id">
<option value="">{{_ Choose an institution}}</option>
{{#INSTITUTION_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/INSTITUTION_OPTION}}</select>
</div>
<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{_ Reason}}</label>
<span class="form-hint" id="reason-hint">{{_ For example the support ticket and what you need to do.}}</span>
{{#ERROR_REASON}}<span class="form-error-message" id="reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<textarea class="form-input input-width-xl" id="reason" name="reason" rows="3" aria-describedby="reason-hint">{{VALUE_REASON:pre_escape}}</textarea>
</div>
<div class="form-group{{#ERROR_HOURS}} form-error{{/ERROR_HOURS}}">
<label class="form-label" for="hours">{{_ Duration in hours}}</label>
<span class="form-hint" id="hours-hint">{{_ From 1 to 8 hours.}}</span>
{{#ERROR_HOURS}}<span class="form-error-message" id="hours-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_HOURS}}
<input class="form-input input-width-xs" type="number" min="1" max="8" id="hours" name="hours" value="{{VALUE_HOURS}}" aria-describedby="hours-hint">
</div>
<button type="submit" class="button button-primary">{{_ Get access}}</button>
</form>
