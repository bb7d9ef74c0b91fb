{{%AUTOESCAPE context="HTML"}}<p><a class="back-link" href="/">{{_ All open positions}}</a></p>
{{>AD}}
