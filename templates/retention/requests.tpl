{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/retention">{{_ Deletion of personal data}}</a></p>
<h1>{{_ Requests from data subjects}}</h1>
{{#HAS_OUTCOME}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{OUTCOME}}</p></div></div>{{/HAS_OUTCOME}}
<p class="font-lead">{{_ Every request for access or erasure of the last 12 months, from applicants through their personal link and through the institution, with its outcome. The register names no person.}}</p>
{{#NO_REQUESTS}}<p>{{_ No requests in the last 12 months.}}</p>{{/NO_REQUESTS}}
{{#HAS_REQUESTS}}<div class="table--responsive-scroll" tabindex="0" role="region" aria-labelledby="requests-caption"><table class="table table--compact" id="data-requests">
<caption id="requests-caption" class="sr-only">{{_ Requests from data subjects}}</caption>
<thead><tr><th scope="col">{{_ Received}}</th><th scope="col">{{_ Request}}</th><th scope="col">{{_ Channel}}</th><th scope="col">{{_ Case}}</th><th scope="col">{{_ Outcome}}</th><th scope="col">{{_ Handled by}}</th></tr></thead>
<tbody>
{{#REQUEST}}<tr><td>{{RECEIVED}}</td><td>{{KIND}}</td><td>{{CHANNEL}}</td><td>{{CASE_TITLE}}</td><td>{{OUTCOME}}</td><td>{{HANDLED_BY}}</td></tr>
{{/REQUEST}}</tbody></table></div>{{/HAS_REQUESTS}}
