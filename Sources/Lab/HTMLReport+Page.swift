/// The fixed parts of the HTML report: its style sheet and the script that filters turns.
extension HTMLReport {
    static let style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:90em}
        h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em}
        table{border-collapse:collapse;margin:.5em 0}
        th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
        th{background:#f1f1f1}
        td.num{text-align:right}
        tr.probe td.text{background:#fff8e1}
        tr.failing td.text{border-left:4px solid #c62828}
        .fail{color:#c62828;font-weight:bold}.pass{color:#2e7d32}.skipped{color:#888}
        .error{color:#c62828;font-style:italic}.cut,.note{color:#888;font-size:.9em}
        .verdicts div{white-space:nowrap}.text{white-space:pre-wrap;max-width:40em}
        #filters{position:sticky;top:0;background:#fff;padding:.5em 0;border-bottom:1px solid #ccc}
        """

    /// Hides passing turns when "only failing turns" is ticked (or the page is opened with `#failures`, or
    /// `#failures=CODE` for one check), keeping only those that fail the chosen check.
    static let script = """
        (function(){
        var only=document.getElementById('only-failing'),code=document.getElementById('check-code');
        function apply(){
          var rows=document.querySelectorAll('tr.turn'),shown=0;
          for(var i=0;i<rows.length;i++){
            var fails=(rows[i].getAttribute('data-fails')||'').split(' ').filter(Boolean);
            var keep=!only.checked||(code.value?fails.indexOf(code.value)>=0:fails.length>0);
            rows[i].hidden=!keep;if(keep)shown++;
          }
          document.getElementById('shown').textContent=shown+' of '+rows.length+' turns shown';
        }
        var hash=decodeURIComponent(location.hash.slice(1));
        if(hash.indexOf('failures')===0){only.checked=true;var c=hash.split('=')[1];
          if(c){for(var j=0;j<code.options.length;j++){if(code.options[j].value===c)code.value=c;}}}
        only.addEventListener('change',apply);code.addEventListener('change',apply);apply();
        })();
        """
}
