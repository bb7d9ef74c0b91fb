{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/cases/{{CASE_ID}}">{{_ Back to the case}}</a></p>
<h1>{{_ Declarations of conflict of interest}}</h1>
<p>{{CASE_TITLE}}</p>
{{#HAS_PENDING_MEMBERS}}<h2>{{_ Members who have not declared on every applicant}}</h2>
<ul>{{#PENDING_MEMBER}}<li>{{MEMBER}}</li>{{/PENDING_MEMBER}}</ul>{{/HAS_PENDING_MEMBERS}}
<h2>{{_ Declared conflicts}}</h2>
{{#NO_CONFLICTS}}<p>{{_ No member has declared a conflict of interest.}}</p>{{/NO_CONFLICTS}}
{{#HAS_CONFLICTS}}<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Declared conflicts}}">
<table class="table table--zebra table--responsive-headers">
<caption class="sr-only">{{_ Declared conflicts}}</caption>
<thead><tr><th scope="col">{{_ Member}}</th><th scope="col">{{_ Applicant}}</th><th scope="col">{{_ Declared}}</th></tr></thead>
<tbody>{{#CONFLICT}}<tr><td data-title="{{_ Member}}">{{MEMBER}}</td><td data-title="{{_ Applicant}}">{{APPLICANT}}</td><td data-title="{{_ Declared}}">{{DECLARED}}</td></tr>
{{/CONFLICT}}</tbody></table></div>{{/HAS_CONFLICTS}}
<h2>{{_ Declared without conflict}}</h2>
<ul>{{#NONE}}<li>{{MEMBER}}: {{COUNT}}</li>{{/NONE}}</ul>
