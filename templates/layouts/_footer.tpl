{{%AUTOESCAPE context="HTML"}}<footer>
<div class="footer">
<div class="container">
<p class="m-0">{{_ Rekrut — the shared recruitment system of Danish state institutions}}</p>
<p class="m-0" id="support-contact">{{_ Support:}}{{#HAS_SUPPORT_EMAIL}} <a class="function-link" href="mailto:{{SUPPORT_EMAIL}}">{{SUPPORT_EMAIL}}</a>{{/HAS_SUPPORT_EMAIL}}{{#HAS_SUPPORT_PHONE}} · {{_ phone}} <span class="rekrut-nowrap">{{SUPPORT_PHONE}}</span>{{/HAS_SUPPORT_PHONE}} · {{SUPPORT_HOURS}}</p>
<ul class="nobullet-list m-0">
<li><a class="function-link" href="/help">{{_ Help and support}}</a></li>
<li><a class="function-link" href="/status">{{_ Service status}}</a></li>
</ul>
</div>
</div>
</footer>
