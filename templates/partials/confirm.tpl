{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="{{BACK_HREF}}">{{_ Back}}</a></p>
<h1>{{CONFIRM_HEADING}}</h1>
{{>ERROR_SUMMARY}}
{{#CONSEQUENCE}}<p class="font-lead">{{TEXT}}</p>
{{/CONSEQUENCE}}<form method="post" action="{{CONFIRM_ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}{{#ASK_REASON}}<div class="form-group{{#ERROR_REASON}} form-error{{/ERROR_REASON}}">
<label class="form-label" for="reason">{{REASON_LABEL}} <span class="weight-normal">({{_ required}})</span></label>
<span class="form-hint" id="reason-hint">{{_ The reason is recorded in the case's history.}}</span>
{{#ERROR_REASON}}<span class="form-error-message" id="reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_REASON}}
<textarea class="form-input" id="reason" name="reason" rows="4" maxlength="1000" aria-describedby="reason-hint{{#ERROR_REASON}} reason-error{{/ERROR_REASON}}">{{VALUE_REASON:pre_escape}}</textarea>
</div>{{/ASK_REASON}}
<div class="confirm-actions">
<button type="submit" class="button button-primary">{{CONFIRM_LABEL}}</button>
<a class="button button-secondary" href="{{BACK_HREF}}">{{_ No, go back}}</a>
</div>
</form>
