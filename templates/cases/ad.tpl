{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Write the ad}} ({{AD_LANGUAGE_NAME}})</h1>
{{>ERROR_SUMMARY}}
<form method="post" action="/cases/{{ID}}/ad" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<input type="hidden" name="language" value="{{AD_LANGUAGE}}">
<div class="form-group{{#ERROR_BODY}} form-error{{/ERROR_BODY}}">
<label class="form-label" for="body">{{_ Ad text}}</label>
<span class="form-hint" id="body-hint">{{_ A blank line starts a new paragraph. Start a line with "## " for a heading and "- " for a bullet. Write **bold** and [link text](https://...).}} {{_ These words are replaced by the case's values:}} <code>&#123;&#123;title&#125;&#125;</code>, <code>&#123;&#123;deadline&#125;&#125;</code>, <code>&#123;&#123;salary&#125;&#125;</code>, <code>&#123;&#123;place_of_work&#125;&#125;</code>, <code>&#123;&#123;contact&#125;&#125;</code>.</span>
{{#ERROR_BODY}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_BODY}}
<textarea class="form-input ad-text" id="body" name="body" rows="18" aria-describedby="body-hint">{{VALUE_BODY:pre_escape}}</textarea>
</div>
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
