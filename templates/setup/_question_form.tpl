{{%AUTOESCAPE context="HTML"}}<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_TEXT}} form-error{{/ERROR_TEXT}}">
<label class="form-label" for="text">{{_ Question}}</label>
{{#ERROR_TEXT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TEXT}}
<input class="form-input input-width-xxl" type="text" id="text" name="text" value="{{VALUE_TEXT}}">
</div>
<div class="form-group{{#ERROR_KIND}} form-error{{/ERROR_KIND}}">
<label class="form-label" for="kind">{{_ Kind of answer}}</label>
{{#ERROR_KIND}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_KIND}}
<select class="form-select" id="kind" name="kind">
<option value="yes_no"{{#KIND_YES_NO}} selected{{/KIND_YES_NO}}>{{_ Yes or no}}</option>
<option value="single_choice"{{#KIND_SINGLE_CHOICE}} selected{{/KIND_SINGLE_CHOICE}}>{{_ One of several options}}</option>
<option value="multiple_choice"{{#KIND_MULTIPLE_CHOICE}} selected{{/KIND_MULTIPLE_CHOICE}}>{{_ Several options}}</option>
<option value="number"{{#KIND_NUMBER}} selected{{/KIND_NUMBER}}>{{_ A number}}</option>
<option value="short_text"{{#KIND_SHORT_TEXT}} selected{{/KIND_SHORT_TEXT}}>{{_ A short text}}</option>
</select>
</div>
<div class="form-group{{#ERROR_OPTIONS}} form-error{{/ERROR_OPTIONS}}">
<label class="form-label" for="options">{{_ Answer options}}</label>
<span class="form-hint" id="options-hint">{{_ One per line. Start a line with ! when that answer disqualifies the applicant.}} {{_ A yes-or-no question has two options (Ja and Nej when left empty); a number or a short text has none.}}</span>
{{#ERROR_OPTIONS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_OPTIONS}}
<textarea class="form-input input-width-xl" id="options" name="options" rows="5" aria-describedby="options-hint">{{VALUE_OPTIONS:pre_escape}}</textarea>
</div>
<button type="submit" class="button button-primary">{{_ Save}}</button>
</form>
