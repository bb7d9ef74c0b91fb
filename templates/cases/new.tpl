{{%AUTOESCAPE context="HTML"}}<h1>{{_ New recruitment case}}</h1>
{{>ERROR_SUMMARY}}
<form method="post" action="/cases" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_TEMPLATE_ID}} form-error{{/ERROR_TEMPLATE_ID}}">
<label class="form-label" for="template_id">{{_ Ad template}}</label>
{{#ERROR_TEMPLATE_ID}}<span class="form-error-message" id="template_id-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TEMPLATE_ID}}
<select class="form-select" id="template_id" name="template_id">
<option value="">{{_ No template}}</option>
{{#TEMPLATE}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/TEMPLATE}}</select>
</div>
<div class="form-group{{#ERROR_TITLE}} form-error{{/ERROR_TITLE}}">
<label class="form-label" for="title">{{_ Title of the position}}</label>
<span class="form-hint" id="title-hint">{{_ May be left empty when the template has a title.}}</span>
{{#ERROR_TITLE}}<span class="form-error-message" id="title-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TITLE}}
<input class="form-input input-width-xxl" type="text" id="title" name="title" value="{{VALUE_TITLE}}" aria-describedby="title-hint">
</div>
<button type="submit" class="button button-primary">{{_ Create case}}</button>
</form>
{{#CAN_COPY}}<h2>{{_ Or copy an earlier case}}</h2>
<p>{{_ The copy gets everything but dates, applicants and history.}}</p>
<form method="post" action="/cases/copy" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group">
<label class="form-label" for="copy_case_id">{{_ Case to copy}}</label>
<select class="form-select" id="copy_case_id" name="case_id">
{{#EXISTING}}<option value="{{VALUE}}">{{LABEL}}</option>
{{/EXISTING}}</select>
</div>
<button type="submit" class="button button-secondary">{{_ Copy case}}</button>
</form>{{/CAN_COPY}}
