{{%AUTOESCAPE context="HTML"}}<details class="details">
<summary class="details-summary">{{_ Merge fields}}</summary>
<div class="details-text">
<p>{{_ These words in braces are replaced for each recipient. A mail is not sent to a recipient for whom a field it uses has no value.}}</p>
<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Merge fields}}">
<table class="table table--compact table--responsive-headers">
<caption class="sr-only">{{_ Merge fields}}</caption>
<thead><tr><th scope="col">{{_ In Danish texts}}</th><th scope="col">{{_ In English texts}}</th><th scope="col">{{_ Stands for}}</th></tr></thead>
<tbody>{{#FIELD}}<tr><td data-title="{{_ In Danish texts}}"><code>&#123;&#123;{{DANISH}}&#125;&#125;</code></td><td data-title="{{_ In English texts}}"><code>&#123;&#123;{{ENGLISH}}&#125;&#125;</code></td><td data-title="{{_ Stands for}}">{{DESCRIPTION}}</td></tr>{{/FIELD}}</tbody>
</table>
</div>
</div>
</details>
<fieldset>
<legend class="h3">{{_ In Danish}}</legend>
<div class="form-group{{#ERROR_SUBJECT_DA}} form-error{{/ERROR_SUBJECT_DA}}">
<label class="form-label" for="subject_da">{{_ Subject}}</label>
{{#ERROR_SUBJECT_DA}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_SUBJECT_DA}}
<input class="form-input input-width-xxl" type="text" id="subject_da" name="subject_da" value="{{VALUE_SUBJECT_DA}}" lang="da">
</div>
<div class="form-group{{#ERROR_BODY_DA}} form-error{{/ERROR_BODY_DA}}">
<label class="form-label" for="body_da">{{_ Text}}</label>
<span class="form-hint" id="body_da-hint">{{_ A blank line starts a new paragraph.}}</span>
{{#ERROR_BODY_DA}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY_DA}}
<textarea class="form-input input-width-xxl" id="body_da" name="body_da" rows="12" lang="da" aria-describedby="body_da-hint">{{VALUE_BODY_DA:pre_escape}}</textarea>
</div>
</fieldset>
<fieldset>
<legend class="h3">{{_ In English}}</legend>
<div class="form-group{{#ERROR_SUBJECT_EN}} form-error{{/ERROR_SUBJECT_EN}}">
<label class="form-label" for="subject_en">{{_ Subject}}</label>
{{#ERROR_SUBJECT_EN}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_SUBJECT_EN}}
<input class="form-input input-width-xxl" type="text" id="subject_en" name="subject_en" value="{{VALUE_SUBJECT_EN}}" lang="en">
</div>
<div class="form-group{{#ERROR_BODY_EN}} form-error{{/ERROR_BODY_EN}}">
<label class="form-label" for="body_en">{{_ Text}}</label>
<span class="form-hint" id="body_en-hint">{{_ A blank line starts a new paragraph.}}</span>
{{#ERROR_BODY_EN}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY_EN}}
<textarea class="form-input input-width-xxl" id="body_en" name="body_en" rows="12" lang="en" aria-describedby="body_en-hint">{{VALUE_BODY_EN:pre_escape}}</textarea>
</div>
</fieldset>
