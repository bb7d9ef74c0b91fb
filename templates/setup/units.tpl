{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Units}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
{{#NO_UNITS}}<p>{{_ The institution has no units yet.}}</p>{{/NO_UNITS}}
<ul class="nobullet-list">
{{#UNIT}}<li class="setup-unit setup-indent-{{INDENT}}">
<form method="post" action="/setup/units/{{UNIT_ID}}" class="inline-form" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<label class="form-label" for="unit_{{UNIT_ID}}">{{_ Name}}</label>
<input class="form-input input-width-l" type="text" id="unit_{{UNIT_ID}}" name="name" value="{{NAME}}">
<button type="submit" class="button button-secondary button-small">{{_ Rename}}<span class="sr-only"> {{NAME}}</span></button>
</form></li>
{{/UNIT}}</ul>
<h2>{{_ New unit}}</h2>
<form method="post" action="/setup/units" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}">
</div>
<div class="form-group{{#ERROR_PARENT_ID}} form-error{{/ERROR_PARENT_ID}}">
<label class="form-label" for="parent_id">{{_ Part of}}</label>
{{#ERROR_PARENT_ID}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_PARENT_ID}}
<select class="form-select" id="parent_id" name="parent_id">
<option value="">{{_ No unit (top level)}}</option>
{{#PARENT_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/PARENT_OPTION}}</select>
</div>
<button type="submit" class="button button-primary">{{_ Create unit}}</button>
</form>
