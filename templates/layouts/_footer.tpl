{{%AUTOESCAPE context="HTML"}}<footer>
<div class="footer">
<div class="container">
<p class="m-0">{{_ Rekrut — the shared recruitment system of Danish state institutions}}</p>
</div>
</div>
</footer>
