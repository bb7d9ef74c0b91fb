{{%AUTOESCAPE context="HTML"}}<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_NAME}} form-error{{/ERROR_NAME}}">
<label class="form-label" for="name">{{_ Name}}</label>
{{#ERROR_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_NAME}}
<input class="form-input input-width-xl" type="text" id="name" name="name" value="{{VALUE_NAME}}">
</div>
<div class="form-group{{#ERROR_KIND}} form-error{{/ERROR_KIND}}">
<label class="form-label" for="kind">{{_ Kind}}</label>
<select class="form-select" id="kind" name="kind">
<option value="encouragement"{{#KIND_ENCOURAGEMENT}} selected{{/KIND_ENCOURAGEMENT}}>{{_ Encouragement to apply}}</option>
<option value="salary"{{#KIND_SALARY}} selected{{/KIND_SALARY}}>{{_ Salary and employment}}</option>
<option value="presentation"{{#KIND_PRESENTATION}} selected{{/KIND_PRESENTATION}}>{{_ Presentation of the institution}}</option>
<option value="other"{{#KIND_OTHER}} selected{{/KIND_OTHER}}>{{_ Other}}</option>
</select>
</div>
<div class="form-group{{#ERROR_LANGUAGE}} form-error{{/ERROR_LANGUAGE}}">
<label class="form-label" for="language">{{_ Language}}</label>
<select class="form-select" id="language" name="language">
<option value="da"{{#LANGUAGE_DA}} selected{{/LANGUAGE_DA}}>Dansk</option>
<option value="en"{{#LANGUAGE_EN}} selected{{/LANGUAGE_EN}}>English</option>
</select>
</div>
<div class="form-group{{#ERROR_BODY}} form-error{{/ERROR_BODY}}">
<label class="form-label" for="body">{{_ Text}}</label>
{{#ERROR_BODY}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY}}
<textarea class="form-input input-width-xxl" id="body" name="body" rows="5">{{VALUE_BODY:pre_escape}}</textarea>
</div>
<div class="form-group">
<ul class="nobullet-list">
<li><input id="required" type="checkbox" name="required" value="1" class="form-checkbox"{{#REQUIRED}} checked{{/REQUIRED}}><label for="required">{{_ Required in every ad}}</label></li>
<li><input id="locked" type="checkbox" name="locked" value="1" class="form-checkbox"{{#LOCKED}} checked{{/LOCKED}}><label for="locked">{{_ Locked (cannot be edited in the ad)}}</label></li>
</ul>
</div>
<div class="form-group">
<label class="form-label" for="position">{{_ Order}}</label>
<input class="form-input input-width-xs" type="text" inputmode="numeric" id="position" name="position" value="{{VALUE_POSITION}}">
</div>
<button type="submit" class="button button-primary">{{_ Save}}</button>
</form>
