{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/retention">{{_ Deletion of personal data}}</a></p>
<h1>{{_ Everything held about a person}}</h1>
{{>ERROR_SUMMARY}}
<p class="font-lead">{{_ For a request for access (GDPR article 15) or erasure (article 17): the applications sent from an e-mail address to the institution, in every case, each with everything held about it as a ZIP file, the same the applicant can download through the personal link. Searches, downloads and erasures are recorded.}}</p>
<form method="post" action="/retention/person" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="form-group{{#ERROR_EMAIL}} form-error{{/ERROR_EMAIL}}">
<label class="form-label" for="email">{{_ E-mail address}}</label>
{{#ERROR_EMAIL}}<span class="form-error-message" id="email-error"><span class="sr-only">{{_ Error:}}</span> {{MESSAGE}}</span>{{/ERROR_EMAIL}}
<input class="form-input input-width-xl" type="email" id="email" name="email" value="{{VALUE_EMAIL}}" autocomplete="off"{{#ERROR_EMAIL}} aria-describedby="email-error"{{/ERROR_EMAIL}}>
</div>
<button type="submit" class="button button-primary">{{_ Find}}</button>
</form>
{{#SEARCHED}}<h2 id="found">{{_ Applications found}}</h2>
{{#NONE_FOUND}}<p>{{_ The institution holds no application from this address.}}</p>{{/NONE_FOUND}}
{{#HAS_FOUND}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="found"><table class="table table--compact" id="person-applications">
<thead><tr><th scope="col">{{_ Case}}</th><th scope="col">{{_ Name}}</th><th scope="col">{{_ Received}}</th><th scope="col">{{_ Status}}</th><th scope="col">{{_ Everything held}}</th><th scope="col">{{_ Erasure}}</th></tr></thead>
<tbody>
{{#FOUND}}<tr><td>{{CASE_TITLE}}</td><td>{{NAME}}</td><td>{{RECEIVED}}</td><td>{{STATUS}}</td><td><a href="/retention/person/applications/{{APPLICATION_ID}}/export">{{_ Download (ZIP)}}<span class="sr-only">: {{CASE_TITLE}}</span></a></td><td><a href="/retention/person/applications/{{APPLICATION_ID}}/erase">{{_ Erase}}<span class="sr-only">: {{CASE_TITLE}}</span></a></td></tr>
{{/FOUND}}</tbody></table></div>{{/HAS_FOUND}}{{/SEARCHED}}
