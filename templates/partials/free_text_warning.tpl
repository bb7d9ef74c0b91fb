{{%AUTOESCAPE context="HTML"}}<h1>{{_ Check the text}}</h1>
<div class="alert alert-warning" role="alert"><div class="alert-body">
<p class="alert-text">{{_ What you wrote seems to hold a CPR number or sensitive personal data (such as health, union membership, religion, ethnic origin, sexual orientation or criminal offences), which has no place here. Nothing has been saved.}}</p>
<ul class="alert-text">
{{#FIELD}}<li><strong>{{LABEL}}</strong>: {{KINDS}}</li>
{{/FIELD}}</ul>
</div></div>
<p>{{_ Go back and remove it (your browser's Back button keeps what you typed), or save the text as it is if it must stay, for example because it is not about a person. Saving it anyway is recorded in the audit trail with the fields and the kinds found, without the text.}}</p>
<form method="post" action="{{ACTION}}" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}<input type="hidden" name="confirm_free_text" value="1">
<div class="confirm-actions">
<a class="button button-primary" href="{{BACK_HREF}}">{{_ Go back and change the text}}</a>
<button type="submit" class="button button-secondary">{{_ Save it anyway}}</button>
</div>
</form>
