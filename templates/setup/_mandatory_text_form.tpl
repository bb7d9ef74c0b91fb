{{%AUTOESCAPE context="HTML"}}<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}">
</div>
<div class="form-group{{#ERROR_KIND}} form-error{{/ERROR_KIND}}">
<label class="form-label" for="kind">{{_ Kind}}</label>
{{#ERROR_KIND}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_KIND}}
<select class="form-select" id="kind" name="kind">
<option value="encouragement"{{#KIND_ENCOURAGEMENT}} selected{{/KIND_ENCOURAGEMENT}}>{{_ Encouragement to apply}}</option>
<option value="salary"{{#KIND_SALARY}} selected{{/KIND_SALARY}}>{{_ Salary and employment}}</option>
<option value="presentation"{{#KIND_PRESENTATION}} selected{{/KIND_PRESENTATION}}>{{_ Presentation of the institution}}</option>
<option value="other"{{#KIND_OTHER}} selected{{/KIND_OTHER}}>{{_ Other}}</option>
</select>
</div>
<div class="form-group{{#ERROR_LANGUAGE}} form-error{{/ERROR_LANGUAGE}}">
<label class="form-label" for="language">{{_ Language}}</label>
{{#ERROR_LANGUAGE}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_LANGUAGE}}
<select class="form-select" id="language" name="language">
<option value="da"{{#LANGUAGE_DA}} selected{{/LANGUAGE_DA}}>{{_ Danish}}</option>
<option value="en"{{#LANGUAGE_EN}} selected{{/LANGUAGE_EN}}>{{_ English}}</option>
</select>
</div>
<div class="form-group{{#ERROR_BODY}} form-error{{/ERROR_BODY}}">
<label class="form-label" for="body">{{_ Text}}</label>
<span class="form-hint" id="body-hint">{{_ A blank line starts a new paragraph. **bold**, *italic* and [link text](https://...) are allowed; HTML is shown as text.}}</span>
{{#ERROR_BODY}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY}}
<textarea class="form-input input-width-xxl" id="body" name="body" rows="5" aria-describedby="body-hint">{{VALUE_BODY:pre_escape}}</textarea>
</div>
<fieldset class="form-group">
<legend class="form-label">{{_ Rules for the ad}}</legend>
<ul class="nobullet-list">
<li><input id="required" type="checkbox" name="required" value="1" class="form-checkbox"{{#REQUIRED}} checked{{/REQUIRED}}><label for="required">{{_ Required in every ad}}</label></li>
<li><input id="locked" type="checkbox" name="locked" value="1" class="form-checkbox"{{#LOCKED}} checked{{/LOCKED}}><label for="locked">{{_ Locked (cannot be edited in the ad)}}</label></li>
</ul>
</fieldset>
<div class="form-group{{#ERROR_POSITION}} form-error{{/ERROR_POSITION}}">
<label class="form-label" for="position">{{_ Order}}</label>
<span class="form-hint" id="position-hint">{{_ Texts with a lower number come first in the ad.}}</span>
{{#ERROR_POSITION}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_POSITION}}
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="position" name="position" value="{{VALUE_POSITION}}" aria-describedby="position-hint">
</div>
<button type="submit" class="button button-primary">{{_ Save}}</button>
</form>
