{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/audit">{{_ Audit trail}}</a></p>
<h1>{{_ Access log}}</h1>
<p>{{_ Who opened which application, or downloaded which of its files, and from where. Changes are in the audit trail.}}</p>
<form method="get" action="/audit/access" class="inline-form">
<div class="form-group">
<label class="form-label" for="application">{{_ Application ID}}</label>
<input class="form-input input-width-s" type="text" inputmode="numeric" id="application" name="application" value="{{APPLICATION}}">
</div>
<button type="submit" class="button button-secondary">{{_ Show}}</button>
</form>
<p><a href="{{EXPORT_HREF}}">{{_ Export as CSV}}</a></p>
{{#NO_ENTRIES}}<p>{{_ Nothing has been logged.}}</p>{{/NO_ENTRIES}}
{{#HAS_ENTRIES}}<div class="table--responsive-scroll" data-scroll-region tabindex="0" aria-label="{{_ Access log}}">
<table class="table table--zebra table--responsive-headers">
<caption class="sr-only">{{_ Access log}}</caption>
<thead><tr><th scope="col">{{_ Time}}</th><th scope="col">{{_ User}}</th><th scope="col">{{_ Action}}</th><th scope="col">{{_ Application}}</th><th scope="col">{{_ IP address}}</th></tr></thead>
<tbody>
{{/HAS_ENTRIES}}{{#ENTRY}}<tr><td data-title="{{_ Time}}"><time datetime="{{AT_ISO}}">{{AT}}</time></td><td data-title="{{_ User}}">{{WHO}}</td><td data-title="{{_ Action}}">{{WHAT}}</td><td data-title="{{_ Application}}"><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{APPLICATION_ID}}</a></td><td data-title="{{_ IP address}}">{{IP}}</td></tr>
{{/ENTRY}}{{#HAS_ENTRIES}}</tbody>
</table>
</div>{{/HAS_ENTRIES}}
