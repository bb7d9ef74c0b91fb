{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="{{BACK_HREF}}">{{_ All e-mail templates}}</a></p>
<h1>{{NAME}}</h1>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<p>{{ORIGIN_TEXT}}</p>
{{#CAN_REVERT}}<form method="post" action="{{ACTION}}/revert">
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-secondary">{{_ Use the institution's text again}}</button>
</form>{{/CAN_REVERT}}
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{>WORDING}}
<div class="form-group{{#ERROR_SETS_STATUS}} form-error{{/ERROR_SETS_STATUS}}">
<label class="form-label" for="sets_status">{{_ When the mail is sent, the application's status becomes}}</label>
{{#ERROR_SETS_STATUS}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_SETS_STATUS}}
<select class="form-select" id="sets_status" name="sets_status">
{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}
</select>
</div>
<button type="submit" class="button button-primary">{{SAVE_TEXT}}</button>
</form>
