{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="search-results">
<h2 id="search-results">{{_ Search results}} ({{HIT_COUNT}})</h2>
{{#NO_HITS}}<p>{{_ No applications match the search.}}</p>{{/NO_HITS}}
<ul class="nobullet-list search-results">
{{#HIT}}<li><a href="/cases/{{CASE_ID}}/applications/{{APPLICATION_ID}}">{{NAME}} ({{REFERENCE}})</a>{{#SHOW_CASE}} · {{CASE_TITLE}}{{/SHOW_CASE}}<p class="search-snippet">{{SNIPPET:none}}</p></li>
{{/HIT}}</ul>
</section>
