{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Write the ad}} ({{AD_LANGUAGE_NAME}})</h1>
{{>ERROR_SUMMARY}}
<form method="post" action="/cases/{{ID}}/ad" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="language" value="{{AD_LANGUAGE}}">
{{#CORRECTION}}<div class="alert alert-info"><div class="alert-body"><p class="alert-text">{{_ The ad is published. A correction is shown on the career site at once and sent to Jobnet again; applications already received are not affected.}}</p></div></div>
<div class="form-group{{#ERROR_CORRECTION_REASON}} form-error{{/ERROR_CORRECTION_REASON}}">
<label class="form-label" for="correction_reason">{{_ Reason for the correction}}</label>
<span class="form-hint" id="correction_reason-hint">{{_ Recorded in the case's history. At most 1,000 characters.}}</span>
{{#ERROR_CORRECTION_REASON}}<span class="form-error-message" id="correction_reason-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CORRECTION_REASON}}
<textarea class="form-input" id="correction_reason" name="correction_reason" rows="3" aria-describedby="correction_reason-hint{{#ERROR_CORRECTION_REASON}} correction_reason-error{{/ERROR_CORRECTION_REASON}}">{{VALUE_CORRECTION_REASON:pre_escape}}</textarea>
</div>{{/CORRECTION}}
<div class="form-group{{#ERROR_BODY}} form-error{{/ERROR_BODY}}">
<label class="form-label" for="body">{{_ Ad text}}</label>
<span class="form-hint" id="body-hint">{{_ Write the ad as plain text. Placeholders in double braces are replaced by the case's values when the ad is shown; see the list below the field.}}</span>
{{#ERROR_BODY}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY}}
<textarea class="form-input ad-text" id="body" name="body" rows="18" aria-describedby="body-hint">{{VALUE_BODY:pre_escape}}</textarea>
</div>
<div class="placeholders" id="placeholders">
<h2 class="h4">{{_ Placeholders}}</h2>
<p>{{_ Write a placeholder where the case's value belongs, exactly as shown, braces included.}} <span class="js-only">{{_ Or press "Insert" to put it where the cursor is in the ad text.}}</span></p>
<dl class="placeholder-list">
{{#PLACEHOLDER}}<dt><code>{{NAME}}</code> <button type="button" class="button button-secondary button-small" data-insert-placeholder="{{NAME}}" aria-label="{{_ Insert}} {{NAME}}">{{_ Insert}}</button></dt>
<dd>{{EXPLANATION}}</dd>
{{/PLACEHOLDER}}</dl>
</div>
<details class="details">
<summary class="details-summary">{{_ How to format the text}}</summary>
<div class="details-text">
<ul>
<li>{{_ A blank line starts a new paragraph.}}</li>
<li>{{_ A line that starts with "## " is a heading, for example:}} <code>## {{_ About the position}}</code></li>
<li>{{_ A line that starts with "- " is a bullet in a list.}}</li>
<li>{{_ Two asterisks on each side make a word bold, for example:}} <code>**{{_ important}}**</code></li>
<li>{{_ A link is written as the link text in square brackets followed by the address in parentheses, for example:}} <code>[{{_ our website}}](https://www.example.test)</code></li>
</ul>
</div>
</details>
<fieldset>
<legend class="h4">{{_ The institution's mandatory texts}}</legend>
<p class="form-hint">{{_ Required texts are always part of the ad. Fixed texts are shown as the institution wrote them; the others can be adapted to this position.}}</p>
{{#BLOCK}}<div class="mandatory-text">
<div class="form-group-checkbox"><input id="block_{{BLOCK_ID}}" type="checkbox" name="mandatory_text" value="{{BLOCK_ID}}" class="form-checkbox"{{#CHECKED}} checked{{/CHECKED}}{{#REQUIRED}} disabled{{/REQUIRED}}><label for="block_{{BLOCK_ID}}">{{NAME}}{{#REQUIRED}} ({{_ required}}){{/REQUIRED}}{{#LOCKED}} · {{_ fixed text}}{{/LOCKED}}</label></div>
{{#LOCKED}}<div class="mandatory-text-body">{{BODY:none}}</div>{{/LOCKED}}
{{#EDITABLE}}<div class="form-group{{#ERROR_TEXT}} form-error{{/ERROR_TEXT}}">
<label class="form-label" for="text_{{BLOCK_ID}}">{{_ Wording in this ad:}} {{NAME}}</label>
{{#ERROR_TEXT}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_TEXT}}
<textarea class="form-input ad-text" id="text_{{BLOCK_ID}}" name="text_{{BLOCK_ID}}" rows="5">{{SOURCE:pre_escape}}</textarea>
</div>{{/EDITABLE}}
</div>
{{/BLOCK}}
</fieldset>
<p>{{_ Saved version:}} {{VERSION}}</p>
<button type="submit" class="button button-primary">{{_ Save and preview}}</button>
</form>
