{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Units}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<p>{{_ The units a recruitment case can belong to. A unit can be part of another unit.}}</p>
{{#NO_UNITS}}<p>{{_ The institution has no units yet.}}</p>{{/NO_UNITS}}
{{#HAS_UNITS}}<ul class="nobullet-list">
{{#UNIT}}<li class="mt-3">
<form method="post" action="/setup/units/{{UNIT_ID}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group mt-0{{#ROW_ERROR}} form-error{{/ROW_ERROR}}">
<label class="form-label" for="unit_{{UNIT_ID}}">{{_ Name}}<span class="sr-only"> ({{NAME}})</span></label>
{{#ROW_ERROR}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{ROW_MESSAGE}}</span>{{/ROW_ERROR}}
<input class="form-input input-width-l" type="text" id="unit_{{UNIT_ID}}" name="name" value="{{VALUE}}">
<button type="submit" class="button button-secondary button-small">{{_ Rename}}<span class="sr-only"> {{NAME}}</span></button>
</div>
</form>
{{#OPEN_CHILDREN}}<ul class="nobullet-list ml-6">{{/OPEN_CHILDREN}}{{#END_ITEM}}</li>{{/END_ITEM}}{{#CLOSE_CHILDREN}}</ul></li>{{/CLOSE_CHILDREN}}
{{/UNIT}}</ul>{{/HAS_UNITS}}
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
{{#PARENT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/PARENT_OPTION}}</select>
</div>
<button type="submit" class="button button-primary">{{_ Create unit}}</button>
</form>
