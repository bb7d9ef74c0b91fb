{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/setup">{{_ Institution set-up}}</a></p>
<h1>{{_ Collective agreements and position categories}}</h1>
<p>{{_ Names to choose from when positions are described. Removing a name does not change templates or cases that already use it.}}</p>
{{#HAS_NOTICE}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{NOTICE}}</p></div></div>{{/HAS_NOTICE}}
{{>ERROR_SUMMARY}}
<h2>{{_ Collective agreements}}</h2>
<ul>
{{#AGREEMENT}}<li>{{NAME}} <form method="post" action="/setup/lists/agreements/{{ITEM_ID}}/remove" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary button-small">{{_ Remove}}<span class="sr-only"> {{NAME}}</span></button></form></li>
{{/AGREEMENT}}{{#NO_AGREEMENTS}}<li>{{_ The list is empty.}}</li>{{/NO_AGREEMENTS}}</ul>
<form method="post" action="/setup/lists/agreements" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_AGREEMENT_NAME}} form-error{{/ERROR_AGREEMENT_NAME}}">
<label class="form-label" for="agreement_name">{{_ New collective agreement}}</label>
{{#ERROR_AGREEMENT_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_AGREEMENT_NAME}}
<input class="form-input input-width-xl" type="text" id="agreement_name" name="agreement_name" value="{{VALUE_AGREEMENT_NAME}}">
</div>
<button type="submit" class="button button-secondary">{{_ Add}}</button>
</form>
<h2>{{_ Position categories}}</h2>
<ul>
{{#CATEGORY}}<li>{{NAME}} <form method="post" action="/setup/lists/categories/{{ITEM_ID}}/remove" class="inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="button button-secondary button-small">{{_ Remove}}<span class="sr-only"> {{NAME}}</span></button></form></li>
{{/CATEGORY}}{{#NO_CATEGORIES}}<li>{{_ The list is empty.}}</li>{{/NO_CATEGORIES}}</ul>
<form method="post" action="/setup/lists/categories" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_CATEGORY_NAME}} form-error{{/ERROR_CATEGORY_NAME}}">
<label class="form-label" for="category_name">{{_ New position category}}</label>
{{#ERROR_CATEGORY_NAME}}<span class="form-error-message"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_CATEGORY_NAME}}
<input class="form-input input-width-xl" type="text" id="category_name" name="category_name" value="{{VALUE_CATEGORY_NAME}}">
</div>
<button type="submit" class="button button-secondary">{{_ Add}}</button>
</form>
