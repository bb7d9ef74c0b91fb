{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/retention/person">{{_ Everything held about a person}}</a></p>
<h1>{{_ Erase an application}}</h1>
<dl class="case-facts">
<dt>{{_ Case}}</dt><dd>{{CASE_TITLE}}</dd>
<dt>{{_ Name}}</dt><dd>{{NAME}}</dd>
<dt>{{_ Received}}</dt><dd>{{RECEIVED}}</dd>
</dl>
<p>{{_ The application is erased with everything about it at once when it has been withdrawn or its case is closed. Otherwise the request is recorded and the application is erased as soon as the case is closed, since the institution needs it to fill the position. The application of the person employed belongs with the employment and is not erased, and a hold on the case keeps it until the hold is lifted. The outcome is shown next, and recorded in the register.}}</p>
<form method="post" action="/retention/person/applications/{{APPLICATION_ID}}/erase" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<button type="submit" class="button button-primary">{{_ Erase the application}}</button>
<a class="button button-secondary" href="/retention/person">{{_ Cancel}}</a>
</form>
