{{%AUTOESCAPE context="HTML"}}<div class="fds-modal" id="{{CONFIRM_ID}}" aria-hidden="true" role="dialog" aria-modal="true" aria-labelledby="{{CONFIRM_ID}}-heading">
<div class="modal-content">
<div class="modal-header">
<h2 class="modal-title" id="{{CONFIRM_ID}}-heading">{{CONFIRM_HEADING}}</h2>
<button type="button" class="modal-close function-link" data-modal-close><svg class="icon-svg" focusable="false" aria-hidden="true"><use href="/static/dkfds/img/all-svg-icons.svg#close"></use></svg>{{_ Close}}</button>
</div>
{{#OWN_FORM}}<form method="post" action="{{CONFIRM_ACTION}}" novalidate>{{/OWN_FORM}}
<div class="modal-body">
{{#OWN_FORM}}<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}{{/OWN_FORM}}{{#CONSEQUENCE}}<p>{{TEXT}}</p>
{{/CONSEQUENCE}}{{#ASK_REASON}}<div class="form-group">
<label class="form-label" for="{{CONFIRM_ID}}-reason">{{REASON_LABEL}} <span class="weight-normal">({{_ required}})</span></label>
<span class="form-hint" id="{{CONFIRM_ID}}-reason-hint">{{_ The reason is recorded in the case's history.}}</span>
<textarea class="form-input" id="{{CONFIRM_ID}}-reason" name="reason" rows="3" maxlength="1000" required aria-describedby="{{CONFIRM_ID}}-reason-hint"></textarea>
</div>{{/ASK_REASON}}
</div>
<div class="modal-footer">
{{#OWN_FORM}}<button type="submit" class="button button-primary">{{CONFIRM_LABEL}}</button>{{/OWN_FORM}}{{#SUBMITS_FORM}}<button type="button" class="button button-primary" data-confirm-submit="{{CONFIRM_ID}}">{{CONFIRM_LABEL}}</button>{{/SUBMITS_FORM}}
<button type="button" class="button button-secondary" data-modal-close>{{_ No, go back}}</button>
</div>
{{#OWN_FORM}}</form>{{/OWN_FORM}}
</div>
</div>
