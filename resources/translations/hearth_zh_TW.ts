<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>AdvancedDialog</name>
    <message>
        <source>Advanced options</source>
        <translation>進階選項</translation>
    </message>
    <message>
        <source>Options for this conversation with {model} ({engine}). Leave a field empty to use the engine&apos;s default.</source>
        <translation>此對話中 {model}（{engine}）的選項。留空則使用引擎的預設值。</translation>
    </message>
    <message>
        <source>engine default</source>
        <translation>引擎預設</translation>
    </message>
    <message>
        <source>Lower is steadier, higher more varied. 0 to 2 (Claude: 0 to 1).</source>
        <translation>越低越穩定，越高越多變。0 到 2（Claude：0 到 1）。</translation>
    </message>
    <message>
        <source>Only the most likely words whose chances add up to this.</source>
        <translation>只從機率累計達到此值的最可能的詞中選擇。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>隨機</translation>
    </message>
    <message>
        <source>The same seed and question give the same reply again.</source>
        <translation>相同的種子和問題會再次得到相同的回覆。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>溫度</translation>
    </message>
    <message>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文長度</translation>
    </message>
    <message>
        <source>Engine defaults</source>
        <translation>引擎預設值</translation>
    </message>
    <message>
        <source>{tokens} tokens (set by {engine})</source>
        <translation>{tokens} 個 token（由 {engine} 設定）</translation>
    </message>
    <message>
        <source>set by {engine}</source>
        <translation>由 {engine} 設定</translation>
    </message>
    <message>
        <source>Default: {tokens} tokens</source>
        <translation>預設：{tokens} 個 token</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>預設</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} 個 token</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Memory for the context: {kv}{estimate}. The model then needs about {total} in all: {verdict}.</source>
        <translation>上下文所需記憶體：{kv}{estimate}。模型總共約需 {total}：{verdict}。</translation>
    </message>
    <message>
        <source>Claude takes a temperature from 0 to 1 (higher is sent as 1) and has no seed. Top P is sent only when no temperature is set. Some Claude models refuse sampling options; the reply then says so.</source>
        <translation>Claude 接受 0 到 1 的溫度（更高的值以 1 傳送），沒有種子。僅在未設定溫度時才傳送 Top P。部分 Claude 模型拒絕取樣選項，屆時回覆中會說明。</translation>
    </message>
    <message>
        <source>{engine} runs this model with a context of {tokens} tokens, set when the model is loaded: it cannot be changed from Hearth.</source>
        <translation>{engine} 以 {tokens} 個 token 的上下文執行此模型，於載入模型時設定，無法在 Hearth 中變更。</translation>
    </message>
    <message>
        <source>{engine} sets the context itself and does not say how large it is: it cannot be changed from Hearth.</source>
        <translation>{engine} 自行設定上下文且不告知其大小，無法在 Hearth 中變更。</translation>
    </message>
    <message>
        <source>Past the context, Ollama forgets the oldest messages without a warning. A larger context needs more memory.</source>
        <translation>超出上下文後，Ollama 會在沒有任何提示的情況下遺忘最早的訊息。更大的上下文需要更多記憶體。</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>API 金鑰</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation>（本地）</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>在此貼上金鑰</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>儲存金鑰</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>測試連線</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>刪除金鑰</translation>
    </message>
    <message>
        <source>Stored key:</source>
        <translation>已存金鑰：</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>新金鑰：</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基礎 URL：</translation>
    </message>
    <message>
        <source>Your price per million tokens:</source>
        <translation>你的價格（每百萬 tokens）：</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>正在檢查金鑰環…</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>未儲存金鑰</translation>
    </message>
    <message>
        <source>Keyring unavailable</source>
        <translation>金鑰環不可用</translation>
    </message>
    <message>
        <source>Paste a key first.</source>
        <translation>請先貼上金鑰。</translation>
    </message>
    <message>
        <source>Storing the key in the keyring…</source>
        <translation>正在把金鑰存入金鑰環…</translation>
    </message>
    <message>
        <source>Stored {masked}.</source>
        <translation>已儲存 {masked}。</translation>
    </message>
    <message>
        <source>Delete the stored API key for {provider}?</source>
        <translation>刪除已儲存的 {provider} API 金鑰？</translation>
    </message>
    <message>
        <source>Hearth cannot use {provider} again until you paste a key.</source>
        <translation>在你重新貼上金鑰之前，Hearth 將無法使用 {provider}。</translation>
    </message>
    <message>
        <source>Keep the key</source>
        <translation>保留金鑰</translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation>金鑰已刪除。</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>未儲存金鑰。</translation>
    </message>
    <message>
        <source>Testing the connection to {provider}…</source>
        <translation>正在測試與 {provider} 的連線…</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>ask a model and print the reply</source>
        <translation>向模型提問並列印回覆</translation>
    </message>
    <message>
        <source>Send one message and stream the reply to standard output. The message and the reply are kept in Hearth&apos;s conversations, and the usage in its ledger. What would leave this computer is checked first: when private data is found nothing is sent and the exit status is 3, unless --redact or --send-anyway is given; in local-only mode any cloud is refused with exit status 4.</source>
        <translation>傳送一則訊息，並將回覆以串流方式輸出到標準輸出。訊息和回覆會保存在 Hearth 的對話中，用量記入帳本。離開本機的內容會先經過檢查：發現隱私資料時不會傳送任何內容，結束狀態為 3，除非指定 --redact 或 --send-anyway；在僅限本機模式下，任何雲端都會被拒絕，結束狀態為 4。</translation>
    </message>
    <message>
        <source>start a new conversation (the default)</source>
        <translation>開始新對話（預設）</translation>
    </message>
    <message>
        <source>continue this conversation, or the latest one</source>
        <translation>繼續此對話，或最近的對話</translation>
    </message>
    <message>
        <source>the model to ask</source>
        <translation>要提問的模型</translation>
    </message>
    <message>
        <source>send to this cloud provider (e.g. anthropic, deepseek)</source>
        <translation>傳送到此雲端服務商（例如 anthropic、deepseek）</translation>
    </message>
    <message>
        <source>if private data is found in what would leave this computer, replace it with labels such as [EMAIL] and send</source>
        <translation>如果離開本機的內容中發現隱私資料，將其替換為 [EMAIL] 之類的標籤後傳送</translation>
    </message>
    <message>
        <source>if private data is found, send it as written (think twice)</source>
        <translation>如果發現隱私資料，仍按原文傳送（請三思）</translation>
    </message>
    <message>
        <source>print the conversation id, the reply and its usage</source>
        <translation>列印對話 ID、回覆及其用量</translation>
    </message>
    <message>
        <source>the message; - or nothing reads it from standard input</source>
        <translation>訊息內容；為 - 或留空時從標準輸入讀取</translation>
    </message>
    <message>
        <source>Give the message as an argument or on standard input.</source>
        <translation>請以參數或透過標準輸入提供訊息。</translation>
    </message>
    <message>
        <source>There is no conversation yet.</source>
        <translation>還沒有任何對話。</translation>
    </message>
    <message>
        <source>“{value}” is not a conversation id.</source>
        <translation>「{value}」不是對話 ID。</translation>
    </message>
    <message>
        <source>There is no conversation {id}.</source>
        <translation>沒有編號為 {id} 的對話。</translation>
    </message>
    <message>
        <source>Name the cloud model with --model.</source>
        <translation>請用 --model 指定雲端模型。</translation>
    </message>
    <message>
        <source>No model is installed. Download one: hearth pull NAME</source>
        <translation>尚未安裝任何模型。請下載一個：hearth pull 名稱</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>訊息為空。</translation>
    </message>
    <message>
        <source>Ask again with --provider {provider} --model {model}.</source>
        <translation>請改用 --provider {provider} --model {model} 再問一次。</translation>
    </message>
    <message>
        <source>hearth: not sent.</source>
        <translation>hearth：未傳送。</translation>
    </message>
    <message>
        <source>hearth: the reply could not be saved.</source>
        <translation>hearth：無法儲存回覆。</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <source>Remove image</source>
        <translation>移除圖片</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>“{name}” is not an image Hearth can read.</source>
        <translation>「{name}」不是 Hearth 能讀取的圖片。</translation>
    </message>
    <message>
        <source>Attach a PNG, JPEG, GIF or WebP picture.</source>
        <translation>請附加 PNG、JPEG、GIF 或 WebP 圖片。</translation>
    </message>
    <message>
        <source>The image could not be re-encoded.</source>
        <translation>無法重新編碼該圖片。</translation>
    </message>
    <message>
        <source>“{name}” is too large an image ({width} × {height} pixels).</source>
        <translation>「{name}」圖片過大（{width} × {height} 像素）。</translation>
    </message>
    <message>
        <source>“{name}” is {size} MB; Hearth attaches images up to {limit} MB.</source>
        <translation>「{name}」有 {size} MB；Hearth 最多附加 {limit} MB 的圖片。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {reason}</source>
        <translation>無法讀取「{name}」：{reason}</translation>
    </message>
    <message>
        <source>{model} cannot see images, so nothing was sent.</source>
        <translation>{model} 無法辨識圖片，因此沒有傳送任何內容。</translation>
    </message>
    <message>
        <source>Remove the image (×), or choose a model that can see images.</source>
        <translation>請移除圖片（×），或選擇能辨識圖片的模型。</translation>
    </message>
    <message>
        <source>{model} cannot see images, so nothing was sent. Choose a model that can see images, or send the message without the image.</source>
        <translation>{model} 無法辨識圖片，因此沒有傳送任何內容。請選擇能辨識圖片的模型，或不附圖片傳送這則訊息。</translation>
    </message>
</context>
<context>
    <name>BranchControls</name>
    <message>
        <source>Delete this message? The messages after it stay.</source>
        <translation>刪除這則訊息？它之後的訊息會保留。</translation>
    </message>
    <message>
        <source>Delete this version and what followed it ({count} messages in all)? The other versions stay.</source>
        <translation>刪除這個版本及其後續內容（共 {count} 則訊息）？其他版本會保留。</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>刪除訊息</translation>
    </message>
    <message>
        <source>Usage already recorded stays in the savings ledger.</source>
        <translation>已記錄的用量仍保留在節省帳本中。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編輯</translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation>編輯這則訊息並重新傳送</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>編輯…</translation>
    </message>
    <message>
        <source>Delete message…</source>
        <translation>刪除訊息…</translation>
    </message>
</context>
<context>
    <name>BranchPager</name>
    <message>
        <source>Previous version</source>
        <translation>上一個版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一個版本</translation>
    </message>
    <message>
        <source>Version {position} of {count}</source>
        <translation>第 {position} 個版本，共 {count} 個</translation>
    </message>
</context>
<context>
    <name>CalculatorDialog</name>
    <message>
        <source>Break-even calculator</source>
        <translation>回本計算器</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>每天請求數</translation>
    </message>
    <message>
        <source>Input tokens per request</source>
        <translation>每次請求的輸入 token</translation>
    </message>
    <message>
        <source>Output tokens per request</source>
        <translation>每次請求的輸出 token</translation>
    </message>
    <message>
        <source>Baseline model (PROVIDER:MODEL)</source>
        <translation>基準模型（服務商:模型）</translation>
    </message>
    <message>
        <source>…or price per million input tokens</source>
        <translation>…或每百萬輸入 token 的價格</translation>
    </message>
    <message>
        <source>…and per million output tokens</source>
        <translation>…以及每百萬輸出 token 的價格</translation>
    </message>
    <message>
        <source>…or price per request</source>
        <translation>…或每次請求的價格</translation>
    </message>
    <message>
        <source>Hardware cost</source>
        <translation>硬體成本</translation>
    </message>
    <message>
        <source>Power (watts)</source>
        <translation>功率（瓦）</translation>
    </message>
    <message>
        <source>Hours of use per day</source>
        <translation>每天使用小時數</translation>
    </message>
    <message>
        <source>Electricity price per kWh</source>
        <translation>每千瓦時電價</translation>
    </message>
    <message>
        <source>Exchange rate (per US dollar)</source>
        <translation>匯率（每美元）</translation>
    </message>
    <message>
        <source>Days per month</source>
        <translation>每月天數</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>貨幣</translation>
    </message>
    <message>
        <source>Reading your measured usage…</source>
        <translation>正在讀取你實測的用量…</translation>
    </message>
    <message>
        <source>No local replies in the last 30 days yet: example values.</source>
        <translation>最近 30 天還沒有本地回覆：以下為示例值。</translation>
    </message>
    <message>
        <source>Pre-filled from your last %1 days of local replies.</source>
        <translation>已根據你最近 %1 天的本地回覆預先填寫。</translation>
    </message>
    <message>
        <source>never (no monthly saving)</source>
        <translation>永不（每月沒有節省）</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 個月</translation>
    </message>
    <message>
        <source>Cloud cost per month: %1
Electricity per month: %2
Net saving per month: %3
Break-even: %4
Price: %5</source>
        <translation>每月雲端費用：%1
每月電費：%2
每月淨節省：%3
回本：%4
價格：%5</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>ModelScope and Hugging Face hold GGUF copies of many catalog models; Ollama downloads them by name. Models without a copy there come from the Ollama library.</source>
        <translation>魔搭 ModelScope 與 Hugging Face 上有許多目錄模型的 GGUF 副本，Ollama 可以依名稱下載。那裡沒有副本的模型會從 Ollama 模型庫下載。</translation>
    </message>
    <message>
        <source>All uses</source>
        <translation>全部用途</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>coding</source>
        <translation>程式設計</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>視覺</translation>
    </message>
    <message>
        <source>Everyday chat</source>
        <translation>日常聊天</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>程式設計</translation>
    </message>
    <message>
        <source>Images (vision)</source>
        <translation>影像（視覺）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>適合</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>在本機上</translation>
    </message>
    <message>
        <source>Any model: qwen2.5:7b, hf.co/user/repo, or mirror:port/namespace/model:tag</source>
        <translation>任意模型：qwen2.5:7b、hf.co/user/repo 或 mirror:port/namespace/model:tag</translation>
    </message>
    <message>
        <source>Sizes from the Ollama library, compiled {date}.</source>
        <translation>大小取自 Ollama 模型庫，整理於 {date}。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>顯示：</translation>
    </message>
    <message>
        <source>Download from:</source>
        <translation>下載來源：</translation>
    </message>
    <message>
        <source>Sizes read from the Ollama registry now ({count} models).</source>
        <translation>大小剛從 Ollama 模型倉庫讀取（{count} 個模型）。</translation>
    </message>
    <message>
        <source>{bytes} bytes, from the registry</source>
        <translation>{bytes} 位元組，來自模型倉庫</translation>
    </message>
    <message>
        <source>about {size}, from the catalog of {date}</source>
        <translation>約 {size}，來自 {date} 的目錄</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>測量中…</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <source>Hearth failed while reading the reply: {error}</source>
        <translation>Hearth 讀取回復時出錯：{error}</translation>
    </message>
    <message>
        <source>Send to cloud</source>
        <translation>傳送到雲端</translation>
    </message>
    <message>
        <source>Start the conversation first; then you can send it to a cloud model.</source>
        <translation>請先開始對話；之後就可以把它傳送給雲端模型。</translation>
    </message>
    <message>
        <source>Nothing was sent: this request would leave the computer unchecked.</source>
        <translation>沒有傳送任何內容：這個請求會未經檢查就離開本機。</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>這則訊息已不存在。</translation>
    </message>
    <message>
        <source>An edited message cannot be empty.</source>
        <translation>編輯後的訊息不能是空的。</translation>
    </message>
    <message>
        <source>Only your own messages can be edited.</source>
        <translation>只能編輯你自己傳送的訊息。</translation>
    </message>
    <message>
        <source>A reply is still being written here.</source>
        <translation>這裡仍有一則回覆正在產生。</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>此對話已不存在。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>請先選擇一個模型。</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
</context>
<context>
    <name>ChatPanel</name>
    <message>
        <source>New conversation</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Model for this conversation</source>
        <translation>此對話使用的模型</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>系統提示詞…</translation>
    </message>
    <message>
        <source>Advanced…</source>
        <translation>進階…</translation>
    </message>
    <message>
        <source>Send to cloud…</source>
        <translation>傳送到雲端…</translation>
    </message>
    <message>
        <source>Return to local</source>
        <translation>回到本地</translation>
    </message>
    <message>
        <source>☁ This conversation goes to {provider} · {model}. Its replies are billed by the provider.</source>
        <translation>☁ 此對話發往 {provider} · {model}。其回覆由服務商計費。</translation>
    </message>
    <message>
        <source>This conversation (about {tokens} tokens) is longer than {model} can read at once ({limit}). Earlier messages will be cut off — consider “Send to cloud…”.</source>
        <translation>此對話（約 {tokens} 個 token）超出了 {model} 一次能讀取的長度（{limit}）。較早的訊息會被截掉——可以考慮「傳送到雲端…」。</translation>
    </message>
    <message>
        <source>{model} cannot see images. Choose a vision model, or “Send to cloud…” to a model that can.</source>
        <translation>{model} 無法識別影像。請選擇視覺模型，或「傳送到雲端…」交給能識別影像的模型。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>請先選擇模型。</translation>
    </message>
    <message>
        <source>Not sent: your message is kept here.</source>
        <translation>未傳送：你的訊息保留在這裡。</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
Your message is still in the box.</source>
        <translation>出了點問題：{error}
你的訊息仍在輸入框中。</translation>
    </message>
    <message>
        <source>The reply is on screen but not saved yet: {reason}. Hearth keeps it and saves it as soon as it can.</source>
        <translation>回覆已顯示，但尚未儲存：{reason}。Hearth 會保留它，並在可以時立即儲存。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>hearth: something went wrong: {error}</source>
        <translation>hearth：出了點問題：{error}</translation>
    </message>
</context>
<context>
    <name>Cloud</name>
    <message>
        <source>The key for {provider} was refused.</source>
        <translation>{provider} 拒絕了該金鑰。</translation>
    </message>
    <message>
        <source>{provider} refused access: this key may not use {model}.</source>
        <translation>{provider} 拒絕訪問：此金鑰可能無權使用 {model}。</translation>
    </message>
    <message>
        <source>{provider} does not know the model “{model}”.</source>
        <translation>{provider} 不認識模型「{model}」。</translation>
    </message>
    <message>
        <source>{provider} is limiting requests. Try again later.</source>
        <translation>{provider} 正在限制請求。請稍後再試。</translation>
    </message>
    <message>
        <source>{provider} had a problem on its side. Try again in a moment.</source>
        <translation>{provider} 自身出現問題。請稍後再試。</translation>
    </message>
    <message>
        <source>{provider} did not answer in time.</source>
        <translation>{provider} 未能及時響應。</translation>
    </message>
    <message>
        <source>Could not reach {provider} at {url}.</source>
        <translation>無法連線到位於 {url} 的 {provider}。</translation>
    </message>
    <message>
        <source>The connection to {provider} ended before the reply was complete.</source>
        <translation>與 {provider} 的連線在回覆完成前中斷了。</translation>
    </message>
    <message>
        <source>{provider} stopped the reply with an error.</source>
        <translation>{provider} 因錯誤停止了回覆。</translation>
    </message>
    <message>
        <source>Local-only mode is on, so Hearth will not contact {provider}.</source>
        <translation>已開啟僅本地模式，Hearth 不會聯絡 {provider}。</translation>
    </message>
    <message>
        <source>{provider} rejected the request.</source>
        <translation>{provider} 拒絕了該請求。</translation>
    </message>
    <message>
        <source>{provider} is limiting requests. Try again in {seconds} seconds.</source>
        <translation>{provider} 正在限制請求。請在 {seconds} 秒後重試。</translation>
    </message>
    <message>
        <source>{provider} is overloaded right now. Try again soon.</source>
        <translation>{provider} 目前負載過高。請稍後再試。</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>此模型</translation>
    </message>
    <message>
        <source>{message} The server said: {words}</source>
        <translation>{message} 伺服器返回：{words}</translation>
    </message>
    <message>
        <source>No API key for {provider} is stored yet.</source>
        <translation>尚未儲存 {provider} 的 API 金鑰。</translation>
    </message>
    <message>
        <source>Choose a model for {provider}.</source>
        <translation>請為 {provider} 選擇一個模型。</translation>
    </message>
    <message>
        <source>Connected to {provider}: {count} models available.</source>
        <translation>已連線到 {provider}：有 {count} 個模型可用。</translation>
    </message>
    <message>
        <source>Connected to {provider}.</source>
        <translation>已連線到 {provider}。</translation>
    </message>
    <message>
        <source>{provider} retired “{model}” on {date}; use “{successor}” instead.</source>
        <translation>{provider} 已於 {date} 停用「{model}」，請改用「{successor}」。</translation>
    </message>
    <message>
        <source>“{provider}” is not a provider Hearth knows.</source>
        <translation>「{provider}」不是 Hearth 認識的服務商。</translation>
    </message>
    <message>
        <source>Known providers: {ids}</source>
        <translation>已知的服務商：{ids}</translation>
    </message>
    <message>
        <source>{provider} has no base URL yet.</source>
        <translation>{provider} 還沒有基礎 URL。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s base URL in Tools → API keys…</source>
        <translation>請在「工具 → API 金鑰…」中填寫伺服器的基礎 URL</translation>
    </message>
</context>
<context>
    <name>CloudFeature</name>
    <message>
        <source>API keys…</source>
        <translation>API 金鑰…</translation>
    </message>
    <message>
        <source>Local-only mode</source>
        <translation>僅本地模式</translation>
    </message>
    <message>
        <source>Never contact a cloud service, whatever a conversation asks for.</source>
        <translation>無論對話要求什麼，都不聯絡任何雲服務。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message — Enter to send, Shift+Enter for a new line</source>
        <translation>訊息——按 Enter 傳送，Shift+Enter 換行</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>影像…</translation>
    </message>
    <message>
        <source>Attach an image (vision models)</source>
        <translation>附加影像（視覺模型）</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>檔案…</translation>
    </message>
    <message>
        <source>Attach a text, code, PDF or Word file: its text goes with your message</source>
        <translation>附加文字、程式碼、PDF 或 Word 檔案：其中的文字會隨訊息一起送出</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Attach an image</source>
        <translation>附加影像</translation>
    </message>
    <message>
        <source>This model cannot see images; choose a vision model to attach one</source>
        <translation>此模型無法識別影像；請選擇視覺模型後再附加</translation>
    </message>
    <message>
        <source>{model} cannot see images: remove the image (×) or choose a vision model.</source>
        <translation>{model} 無法辨識圖片：請移除圖片（×）或選擇視覺模型。</translation>
    </message>
    <message>
        <source>This model cannot see images: remove the image (×) or choose a vision model.</source>
        <translation>此模型無法辨識圖片：請移除圖片（×）或選擇視覺模型。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the reply and keep what arrived</source>
        <translation>停止回覆並保留已收到的內容</translation>
    </message>
</context>
<context>
    <name>ContextBar</name>
    <message>
        <source>Raise context…</source>
        <translation>擴大上下文…</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Hide this warning</source>
        <translation>隱藏此提醒</translation>
    </message>
    <message>
        <source>This conversation (about {tokens} tokens) no longer fits the {context}-token context the model runs with: it is already forgetting the earliest messages.</source>
        <translation>此對話（約 {tokens} 個 token）已超出模型執行時 {context} 個 token 的上下文：最早的訊息已經被遺忘。</translation>
    </message>
    <message>
        <source>This conversation (about {tokens} tokens) has nearly filled the {context}-token context the model runs with. Past it, the earliest messages are forgotten without a warning.</source>
        <translation>此對話（約 {tokens} 個 token）即將占滿模型執行時 {context} 個 token 的上下文。超出後，最早的訊息會在沒有提示的情況下被遺忘。</translation>
    </message>
</context>
<context>
    <name>ContextDialog</name>
    <message>
        <source>Conversation memory</source>
        <translation>對話記憶</translation>
    </message>
    <message>
        <source>How many tokens of this conversation {model} keeps in mind. Past that, the oldest messages are forgotten without a warning from the engine. A larger context needs more memory:</source>
        <translation>{model} 能記住這段對話的多少個 token。超過之後，最早的訊息會被遺忘，引擎不會提醒。上下文越大，需要的記憶體越多：</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Memory for the context</source>
        <translation>上下文佔用記憶體</translation>
    </message>
    <message>
        <source>Model needs in all</source>
        <translation>模型總共需要</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>在這台電腦上</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} 個 token</translation>
    </message>
    <message>
        <source> (Ollama&apos;s default here)</source>
        <translation>（此電腦上 Ollama 的預設值）</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <source>New conversation</source>
        <translation>新對話</translation>
    </message>
    <message>
        <source>Filter by title</source>
        <translation>按標題篩選</translation>
    </message>
    <message>
        <source>Conversation list</source>
        <translation>對話清單</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>刪除對話</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重新命名對話</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重新命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>刪除</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>標題：</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>The conversation could not be deleted: {error}</source>
        <translation>無法刪除此對話：{error}</translation>
    </message>
</context>
<context>
    <name>DefaultPromptEditor</name>
    <message>
        <source>New conversations start with this system prompt (empty: none). Conversations you already have keep their own.</source>
        <translation>新對話以此系統提示詞開始（留空則沒有）。現有的對話保留各自的提示詞。</translation>
    </message>
    <message>
        <source>For example: Answer briefly, in Chinese.</source>
        <translation>例如：用中文簡短回答。</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>check Ollama, the database and this machine</source>
        <translation>檢查 Ollama、資料庫和本機</translation>
    </message>
    <message>
        <source>Show what Hearth sees: its data, Ollama, the GPU, memory and keyring.</source>
        <translation>顯示 Hearth 看到的情況：資料、Ollama、GPU、記憶體和金鑰環。</translation>
    </message>
    <message>
        <source>Ollama server URL (default: OLLAMA_HOST or 127.0.0.1:11434)</source>
        <translation>Ollama 伺服器 URL（預設：OLLAMA_HOST 或 127.0.0.1:11434）</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>尚未建立</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>無法讀取（{error}）</translation>
    </message>
    <message>
        <source>schema {found} (this Hearth understands {known})</source>
        <translation>架構版本 {found}（此 Hearth 支援 {known}）</translation>
    </message>
    <message>
        <source>written by a newer Hearth</source>
        <translation>由較新版本的 Hearth 寫入</translation>
    </message>
    <message>
        <source>DAMAGED: start Hearth to keep the file and recover what can be read</source>
        <translation>已損毀：請啟動 Hearth，它會保留該檔案並復原可讀取的內容</translation>
    </message>
    <message>
        <source>integrity check not finished in time</source>
        <translation>完整性檢查未能及時完成</translation>
    </message>
    <message>
        <source>unavailable ({error})</source>
        <translation>不可用（{error}）</translation>
    </message>
    <message>
        <source>no usable keyring: cloud keys cannot be saved</source>
        <translation>沒有可用的金鑰環：無法儲存雲端金鑰</translation>
    </message>
    <message>
        <source>insecure (keys would be a plain file)</source>
        <translation>不安全（金鑰會以明文檔案儲存）</translation>
    </message>
    <message>
        <source>Ollama host</source>
        <translation>Ollama 主機</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>無法連線</translation>
    </message>
    <message>
        <source>Ollama program</source>
        <translation>Ollama 程式</translation>
    </message>
    <message>
        <source>running, version {version}</source>
        <translation>執行中，版本 {version}</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>已安裝的模型</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>Start it: open the Ollama app or run `ollama serve`. If it runs elsewhere, set OLLAMA_HOST or pass --host.</source>
        <translation>啟動它：開啟 Ollama 應用或執行 `ollama serve`。如果它在別處執行，請設定 OLLAMA_HOST 或傳入 --host。</translation>
    </message>
    <message>
        <source>Download a model in Hearth&apos;s model library, or run `ollama pull llama3.2`.</source>
        <translation>在 Hearth 的模型庫中下載一個模型，或執行 `ollama pull llama3.2`。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>資料資料夾</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>資料庫</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>金鑰環</translation>
    </message>
</context>
<context>
    <name>DocumentChip</name>
    <message>
        <source>Pages: {pages}</source>
        <translation>頁數：{pages}</translation>
    </message>
    <message>
        <source>{empty} of them are scanned images without text; they are left out.</source>
        <translation>其中 {empty} 頁是沒有文字的掃描影像，已略過。</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>以 {encoding} 編碼讀取</translation>
    </message>
    <message>
        <source>About {tokens} tokens are added to your message.</source>
        <translation>約 {tokens} 個 token 會加入你的訊息。</translation>
    </message>
    <message>
        <source>{icon} {name} · {tokens} tokens</source>
        <translation>{icon} {name} · {tokens} 個 token</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>移除文件</translation>
    </message>
    <message>
        <source>⚠ With the documents this message is about {new} tokens and the conversation {used} more: {model} reads {limit} at once, so the start will be cut off. Remove a document, attach a part of it, or choose a model with a longer context.</source>
        <translation>⚠ 加上文件，這則訊息約 {new} 個 token，對話另有 {used} 個：{model} 一次只能讀取 {limit} 個，開頭部分會被截掉。請移除一份文件、只附加其中一部分，或選擇上下文更長的模型。</translation>
    </message>
    <message>
        <source>⚠ With the documents this message is about {new} tokens: {model} reads {limit} at once, so the start will be cut off. Remove a document, attach a part of it, or choose a model with a longer context.</source>
        <translation>⚠ 加上文件，這則訊息約 {new} 個 token：{model} 一次只能讀取 {limit} 個，開頭部分會被截掉。請移除一份文件、只附加其中一部分，或選擇上下文更長的模型。</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>[Attached: {name} · about {tokens} tokens]</source>
        <translation>[附件：{name} · 約 {tokens} 個 token]</translation>
    </message>
    <message>
        <source>“{name}” is {size} MB; Hearth attaches documents up to {limit} MB.</source>
        <translation>「{name}」有 {size} MB；Hearth 最多附加 {limit} MB 的文件。</translation>
    </message>
    <message>
        <source>Attach a smaller part of it, or the text alone.</source>
        <translation>請附加其中較小的一部分，或只附加文字。</translation>
    </message>
    <message>
        <source>“{name}” holds {chars} characters of text, more than any model reads at once.</source>
        <translation>「{name}」含有 {chars} 個字元，超過任何模型一次能讀取的量。</translation>
    </message>
    <message>
        <source>Attach the part you want to ask about.</source>
        <translation>請只附加你想詢問的部分。</translation>
    </message>
    <message>
        <source>“{name}” is damaged or not really a {kind} file.</source>
        <translation>「{name}」已損毀，或並不是真正的 {kind} 檔案。</translation>
    </message>
    <message>
        <source>Open it in its own app and save it again, then attach it.</source>
        <translation>請用它原本的應用程式開啟並重新儲存，然後再附加。</translation>
    </message>
    <message>
        <source>“{name}” has no text in it.</source>
        <translation>「{name}」裡沒有文字。</translation>
    </message>
    <message>
        <source>“{name}” is not a text, PDF or Word document Hearth can read.</source>
        <translation>「{name}」不是 Hearth 能讀取的文字、PDF 或 Word 文件。</translation>
    </message>
    <message>
        <source>“{name}” is an image-only PDF (scanned pages): it has no text layer to read.</source>
        <translation>「{name}」是純影像 PDF（掃描頁面）：沒有可讀取的文字層。</translation>
    </message>
    <message>
        <source>Run it through OCR first, or attach the pages as images for a vision model.</source>
        <translation>請先進行 OCR 文字辨識，或把頁面當作圖片附加給視覺模型。</translation>
    </message>
    <message>
        <source>“{name}” is protected with a password.</source>
        <translation>「{name}」受密碼保護。</translation>
    </message>
    <message>
        <source>Save an unprotected copy from your PDF reader and attach it.</source>
        <translation>請在 PDF 閱讀器中另存一份未加密的副本再附加。</translation>
    </message>
    <message>
        <source>“{name}” is password-protected or an old Word (.doc) file.</source>
        <translation>「{name}」受密碼保護，或是舊版 Word（.doc）檔案。</translation>
    </message>
    <message>
        <source>Save it from Word as an unprotected .docx document, then attach it.</source>
        <translation>請在 Word 中將其另存為未加密的 .docx 文件，然後再附加。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {reason}</source>
        <translation>無法讀取「{name}」：{reason}</translation>
    </message>
</context>
<context>
    <name>DownloadManager</name>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Unexpected problem: {error}</source>
        <translation>意外問題：{error}</translation>
    </message>
</context>
<context>
    <name>DownloadRow</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>繼續</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>從列表中移除</translation>
    </message>
    <message>
        <source>No progress — trying again in {seconds:.0f} s (attempt {n})</source>
        <translation>沒有進展——{seconds:.0f} 秒後重試（第 {n} 次）</translation>
    </message>
    <message>
        <source>{speed}/s</source>
        <translation>{speed}/秒</translation>
    </message>
    <message>
        <source>{done} of {total} · {speed} · {eta} left · {status}</source>
        <translation>{done} / {total} · {speed} · 剩餘 {eta} · {status}</translation>
    </message>
    <message>
        <source>{message} — Resume continues where it stopped.</source>
        <translation>{message}——「繼續」會從中斷處接著下載。</translation>
    </message>
</context>
<context>
    <name>DownloadsPanel</name>
    <message>
        <source>No downloads.</source>
        <translation>沒有下載任務。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Not finished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在開始…</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Your draft could not be saved ({reason}); it is still here.</source>
        <translation>草稿未能儲存（{reason}）；它仍在輸入框裡。</translation>
    </message>
    <message>
        <source>Drafts from last time could not be read: {reason}</source>
        <translation>無法讀取上次的草稿：{reason}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit message</source>
        <translation>編輯訊息</translation>
    </message>
    <message>
        <source>Send it again as a new version. The earlier version and its replies stay one click away (◀ ▶).</source>
        <translation>以新版本重新傳送。先前的版本及其回覆仍可一鍵切換回去（◀ ▶）。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新傳送</translation>
    </message>
    <message>
        <source>Type the message to send, or press Esc to cancel.</source>
        <translation>請輸入要傳送的訊息，或按 Esc 取消。</translation>
    </message>
</context>
<context>
    <name>Egress</name>
    <message>
        <source>{model} is an Ollama cloud model: Ollama sends it to {host}.</source>
        <translation>{model} 是 Ollama 雲端模型：Ollama 會把內容傳送到 {host}。</translation>
    </message>
    <message>
        <source>{name} on this computer</source>
        <translation>本機上的 {name}</translation>
    </message>
    <message>
        <source>{name} on another computer ({host})</source>
        <translation>另一台電腦上的 {name}（{host}）</translation>
    </message>
    <message>
        <source>{name} ({host}), outside this computer</source>
        <translation>{name}（{host}），在本機之外</translation>
    </message>
    <message>
        <source>☁ {model} (Ollama cloud)</source>
        <translation>☁ {model}（Ollama 雲端）</translation>
    </message>
    <message>
        <source>Runs on {host}, not on this computer: what you send is checked for private data first, and local-only mode blocks it.</source>
        <translation>在 {host} 上執行，而不是在本機：你傳送的內容會先檢查隱私資料，僅限本機模式會封鎖它。</translation>
    </message>
    <message>
        <source>Ollama runs on another computer: {host}</source>
        <translation>Ollama 執行於另一台電腦：{host}</translation>
    </message>
</context>
<context>
    <name>EgressIndicator</name>
    <message>
        <source>🔒 Local only</source>
        <translation>🔒 僅限本機</translation>
    </message>
    <message>
        <source>Local-only mode is on: nothing is sent off this computer — no cloud provider, no Ollama cloud model, no server elsewhere.</source>
        <translation>僅限本機模式已開啟：不會向本機以外傳送任何內容——不使用雲端服務商、Ollama 雲端模型或其他地方的伺服器。</translation>
    </message>
    <message>
        <source>Your messages travel over the network to that computer; Hearth checks them for private data first.</source>
        <translation>你的訊息會透過網路傳送到那台電腦；Hearth 會先檢查其中的隱私資料。</translation>
    </message>
</context>
<context>
    <name>EngineErrors</name>
    <message>
        <source>Could not reach the model server.</source>
        <translation>無法連線到模型伺服器。</translation>
    </message>
    <message>
        <source>The model server took too long to answer.</source>
        <translation>模型伺服器響應時間過長。</translation>
    </message>
    <message>
        <source>The API key was refused. Check it under Tools → API keys.</source>
        <translation>API 金鑰被拒絕。請在「工具 → API 金鑰」中檢查。</translation>
    </message>
    <message>
        <source>This key is not allowed to use that model.</source>
        <translation>此金鑰無權使用該模型。</translation>
    </message>
    <message>
        <source>This model has been retired. Choose “{successor}” in Send to cloud… to go on.</source>
        <translation>此模型已停用。請在「傳送到雲端…」中選擇「{successor}」繼續。</translation>
    </message>
    <message>
        <source>The model was not found. Pick another model or download this one.</source>
        <translation>找不到該模型。請選擇其他模型，或下載這個模型。</translation>
    </message>
    <message>
        <source>Rate limited. Try again in {seconds} s.</source>
        <translation>請求受限。請在 {seconds} 秒後重試。</translation>
    </message>
    <message>
        <source>Rate limited. Wait a moment and try again.</source>
        <translation>請求受限。請稍等片刻再試。</translation>
    </message>
    <message>
        <source>The server had a problem (it may be overloaded).</source>
        <translation>伺服器出現問題（可能負載過高）。</translation>
    </message>
    <message>
        <source>The connection dropped before the reply was complete.</source>
        <translation>回覆完成前連線就斷開了。</translation>
    </message>
    <message>
        <source>Local-only mode is on: nothing is sent to a cloud service.</source>
        <translation>已開啟僅本地模式：不會向任何雲服務傳送內容。</translation>
    </message>
    <message>
        <source>The model stopped with an error.</source>
        <translation>模型因錯誤而停止。</translation>
    </message>
    <message>
        <source>The request was refused.</source>
        <translation>請求被拒絕。</translation>
    </message>
    <message>
        <source>Server said:</source>
        <translation>伺服器返回：</translation>
    </message>
</context>
<context>
    <name>Engines</name>
    <message>
        <source>The address</source>
        <translation>該位址</translation>
    </message>
    <message>
        <source>{address} is not on this computer or your local network. Hearth only adds local servers here (set up a cloud service in Tools → API keys…).</source>
        <translation>{address} 不在這台電腦或你的區域網路上。這裡只能新增本機伺服器（雲端服務請在「工具 → API 金鑰…」中設定）。</translation>
    </message>
    <message>
        <source>text-generation-webui is running but has no model loaded.</source>
        <translation>text-generation-webui 正在執行，但沒有載入模型。</translation>
    </message>
    <message>
        <source>{engine} at {address} needs its API key: enter the key you set in {engine} in Tools → API keys… (provider {engine}).</source>
        <translation>{address} 上的 {engine} 需要 API 金鑰：請在「工具 → API 金鑰…」中（提供者 {engine}）輸入你在 {engine} 裡設定的金鑰。</translation>
    </message>
    <message>
        <source>{address} is not a local address.</source>
        <translation>{address} 不是本機位址。</translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message>
        <source>Set by the OLLAMA_HOST environment variable.</source>
        <translation>由 OLLAMA_HOST 環境變數設定。</translation>
    </message>
    <message>
        <source>Ollama address</source>
        <translation>Ollama 位址</translation>
    </message>
    <message>
        <source>LM Studio, llama.cpp, Jan, vLLM and text-generation-webui are found at their usual addresses by themselves; add a server here when it runs elsewhere, e.g. http://127.0.0.1:8081/v1.</source>
        <translation>LM Studio、llama.cpp、Jan、vLLM 與 text-generation-webui 在它們的常用位址上會自動找到；伺服器在別處執行時請在這裡新增，例如 http://127.0.0.1:8081/v1。</translation>
    </message>
    <message>
        <source>Local engines</source>
        <translation>本機引擎</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Send to cloud</source>
        <translation>傳送到雲端</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation>（本地）</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>設定金鑰…</translation>
    </message>
    <message>
        <source>Checking for private data…</source>
        <translation>正在檢查隱私資料…</translation>
    </message>
    <message>
        <source>Don&apos;t ask again in this conversation for these items</source>
        <translation>在此對話中不再詢問這些項目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redact and send</source>
        <translation>脫敏後傳送</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然傳送</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>服務商：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Local-only mode is on: Hearth will not contact {provider}.</source>
        <translation>已開啟僅本地模式：Hearth 不會聯絡 {provider}。</translation>
    </message>
    <message>
        <source>{provider} runs without an API key.</source>
        <translation>{provider} 無需 API 金鑰即可執行。</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>正在檢查金鑰環…</translation>
    </message>
    <message>
        <source>Using your stored key for {provider}.</source>
        <translation>正在使用你為 {provider} 儲存的金鑰。</translation>
    </message>
    <message>
        <source>No API key for {provider} is stored yet.</source>
        <translation>尚未儲存 {provider} 的 API 金鑰。</translation>
    </message>
    <message>
        <source>Loading the model list…</source>
        <translation>正在載入模型列表…</translation>
    </message>
    <message>
        <source>{count} models available.</source>
        <translation>有 {count} 個模型可用。</translation>
    </message>
    <message>
        <source>Showing Hearth&apos;s list of models, checked %1.</source>
        <translation>顯示 Hearth 內建的模型清單（核對於 %1）。</translation>
    </message>
    <message>
        <source>Choose a model to see the cost.</source>
        <translation>選擇一個模型以檢視費用。</translation>
    </message>
    <message>
        <source>About {tokens} tokens of context. No API cost: it runs on your own server.</source>
        <translation>上下文約 {tokens} 個 token。無 API 費用：它執行在你自己的伺服器上。</translation>
    </message>
    <message>
        <source>About {tokens} tokens of context. {problem}</source>
        <translation>上下文約 {tokens} 個 token。{problem}</translation>
    </message>
    <message>
        <source>Sending this conversation now: about {tokens} tokens ≈ {cost}. The reply costs {reply} per 1,000 tokens on top.</source>
        <translation>現在傳送此對話：約 {tokens} 個 token ≈ {cost}。回覆另按每 1,000 個 token {reply} 計費。</translation>
    </message>
    <message>
        <source>{provider} runs on this computer: nothing leaves it.</source>
        <translation>{provider} 在本機執行：沒有內容離開本機。</translation>
    </message>
    <message>
        <source>{count} possibly private items would be sent. Redact replaces each with a label such as [EMAIL] in what is sent; your conversation keeps your words.</source>
        <translation>將傳送 {count} 項可能的隱私內容。脫敏會在傳送的內容中把每一項替換為 [EMAIL] 之類的標籤；你的對話保留原文。</translation>
    </message>
    <message>
        <source>No private data found in this conversation.</source>
        <translation>此對話中未發現隱私資料。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>無法寫入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Check that the folder exists and you may write to it.</source>
        <translation>請確認該資料夾存在且你有寫入權限。</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>無法匯入此檔案：{reason}</translation>
    </message>
    <message>
        <source>Import takes a JSON file made by Hearth&apos;s “Export…” (JSON format).</source>
        <translation>匯入需要 Hearth「匯出…」產生的 JSON 檔案（JSON 格式）。</translation>
    </message>
    <message>
        <source>{where}: “{name}” is missing or not the right kind.</source>
        <translation>{where}：「{name}」缺少或類型不對。</translation>
    </message>
    <message>
        <source>{where}: a time is missing.</source>
        <translation>{where}：缺少時間。</translation>
    </message>
    <message>
        <source>{where}: “{text}” is not a time.</source>
        <translation>{where}：「{text}」不是有效的時間。</translation>
    </message>
    <message>
        <source>it is not a text file.</source>
        <translation>它不是文字檔。</translation>
    </message>
    <message>
        <source>it is not valid JSON (line {line}, column {column}).</source>
        <translation>它不是有效的 JSON（第 {line} 行，第 {column} 欄）。</translation>
    </message>
    <message>
        <source>it is JSON, but not a Hearth conversation.</source>
        <translation>它是 JSON，但不是 Hearth 對話。</translation>
    </message>
    <message>
        <source>its version is missing or wrong.</source>
        <translation>它的版本缺少或有誤。</translation>
    </message>
    <message>
        <source>it was made by a newer Hearth (format version {version}); update Hearth.</source>
        <translation>它由較新版本的 Hearth 產生（格式版本 {version}），請更新 Hearth。</translation>
    </message>
    <message>
        <source>it holds no conversation.</source>
        <translation>其中沒有對話。</translation>
    </message>
    <message>
        <source>the conversation</source>
        <translation>對話</translation>
    </message>
    <message>
        <source>Imported conversation</source>
        <translation>匯入的對話</translation>
    </message>
    <message>
        <source>message {number}</source>
        <translation>第 {number} 則訊息</translation>
    </message>
    <message>
        <source>{where} is not an object.</source>
        <translation>{where}不是物件。</translation>
    </message>
    <message>
        <source>{where} has no known role.</source>
        <translation>{where}的角色無法識別。</translation>
    </message>
    <message>
        <source>{where}: an attachment is damaged.</source>
        <translation>{where}：附件已損毀。</translation>
    </message>
    <message>
        <source>{where}: its usage is damaged.</source>
        <translation>{where}：用量紀錄已損毀。</translation>
    </message>
    <message>
        <source>There are no conversations yet.</source>
        <translation>還沒有任何對話。</translation>
    </message>
    <message>
        <source>“{which}” is not a conversation id or “last”.</source>
        <translation>「{which}」既不是對話編號，也不是「last」。</translation>
    </message>
    <message>
        <source>There is no conversation {id}.</source>
        <translation>沒有編號為 {id} 的對話。</translation>
    </message>
    <message>
        <source>{input} tokens in, {output} out</source>
        <translation>輸入 {input} 個 token，輸出 {output} 個</translation>
    </message>
    <message>
        <source>{seconds:.1f} s</source>
        <translation>{seconds:.1f} 秒</translation>
    </message>
    <message>
        <source>{rate:.1f} tokens/s</source>
        <translation>{rate:.1f} token/秒</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系統</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考過程</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>(failed: {error})</source>
        <translation>（失敗：{error}）</translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation>開始於 {time}</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>網頁 (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON, to import again (*.json)</source>
        <translation>JSON，可再次匯入 (*.json)</translation>
    </message>
    <message>
        <source>Open a conversation to export it.</source>
        <translation>請先開啟要匯出的對話。</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>匯出對話</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在匯出到 {path}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已匯出到 {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>匯入對話</translation>
    </message>
    <message>
        <source>Hearth conversation (*.json);;All files (*)</source>
        <translation>Hearth 對話 (*.json);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>匯入失敗</translation>
    </message>
    <message>
        <source>Conversation imported.</source>
        <translation>對話已匯入。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>write a conversation to a file</source>
        <translation>把對話寫入檔案</translation>
    </message>
    <message>
        <source>Export a conversation as Markdown, HTML, PDF or JSON, with its images, the model and usage of each reply, and any thinking. A JSON export can be imported again with “hearth import”.</source>
        <translation>將對話匯出為 Markdown、HTML、PDF 或 JSON，包含圖片、每則回覆的模型與用量，以及思考過程。JSON 匯出可用「hearth import」再次匯入。</translation>
    </message>
    <message>
        <source>the conversation&apos;s id, or the latest one</source>
        <translation>對話編號，或 last 表示最近的對話</translation>
    </message>
    <message>
        <source>write to this file instead of the screen</source>
        <translation>寫入此檔案，而不是輸出到螢幕</translation>
    </message>
    <message>
        <source>import a conversation from a JSON export</source>
        <translation>從 JSON 匯出檔匯入對話</translation>
    </message>
    <message>
        <source>Import a conversation exported as JSON by Hearth; it becomes a new conversation. Its usage is shown with it but not counted in this ledger.</source>
        <translation>匯入 Hearth 匯出的 JSON 對話，它會成為一個新對話。其用量會隨之顯示，但不計入本機帳本。</translation>
    </message>
    <message>
        <source>hearth: --format pdf needs --out FILE</source>
        <translation>hearth：--format pdf 需要 --out 檔案</translation>
    </message>
    <message>
        <source>{path} is too large to be a conversation.</source>
        <translation>{path} 太大，不可能是一個對話。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation>無法讀取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Imported “{title}” as conversation {id}.</source>
        <translation>已將「{title}」匯入為對話 {id}。</translation>
    </message>
</context>
<context>
    <name>FileAttacher</name>
    <message>
        <source>Attach files</source>
        <translation>附加檔案</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>文件 ({patterns});;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>附加影像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
        <translation>影像 (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <source>Reading {count} file(s)…</source>
        <translation>正在讀取 {count} 個檔案…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this conversation</source>
        <translation>在此對話中尋找</translation>
    </message>
    <message>
        <source>Previous match (Enter)</source>
        <translation>上一個符合項（Enter）</translation>
    </message>
    <message>
        <source>Next match (Shift+Enter)</source>
        <translation>下一個符合項（Shift+Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>關閉（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>沒有符合項</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 個，共 {total} 個</translation>
    </message>
</context>
<context>
    <name>Fit</name>
    <message>
        <source>runs on GPU</source>
        <translation>在 GPU 上執行</translation>
    </message>
    <message>
        <source>partly on GPU — slower</source>
        <translation>部分在 GPU 上——較慢</translation>
    </message>
    <message>
        <source>runs on CPU — slow</source>
        <translation>在 CPU 上執行——很慢</translation>
    </message>
    <message>
        <source>too large for this machine</source>
        <translation>對本機來說太大</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估計）</translation>
    </message>
    <message>
        <source>Needs about {needed}:</source>
        <translation>大約需要 {needed}：</translation>
    </message>
    <message>
        <source>  weights {weights}</source>
        <translation>  權重 {weights}</translation>
    </message>
    <message>
        <source>  KV cache at {context} tokens {kv}{note}</source>
        <translation>  {context} 個 token 時的 KV 快取 {kv}{note}</translation>
    </message>
    <message>
        <source>  runtime overhead {overhead}</source>
        <translation>  執行時開銷 {overhead}</translation>
    </message>
    <message>
        <source>GPU memory available: {gpu}</source>
        <translation>可用 GPU 視訊記憶體：{gpu}</translation>
    </message>
    <message>
        <source>All memory it may use: {total}</source>
        <translation>它可使用的全部記憶體：{total}</translation>
    </message>
    <message>
        <source>About {percent}% of the model fits on the GPU.</source>
        <translation>模型約有 {percent}% 能放進 GPU。</translation>
    </message>
</context>
<context>
    <name>FoldedLineDialog</name>
    <message>
        <source>Whole line ({count} characters)</source>
        <translation>整行內容（{count} 個字元）</translation>
    </message>
    <message>
        <source>Copy line</source>
        <translation>複製此行</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Same as the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>A new language shows the next time Hearth starts.</source>
        <translation>新的語言會在下次啟動 Hearth 時生效。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons, so closing the window always quits Hearth (nothing would bring a hidden window back).</source>
        <translation>此桌面不顯示系統匣圖示，因此關閉視窗一律會結束 Hearth（隱藏的視窗將無法叫回）。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Restart Hearth to see the new language.</source>
        <translation>重新啟動 Hearth 後即可看到新的語言。</translation>
    </message>
</context>
<context>
    <name>Hardware</name>
    <message>
        <source>no NVIDIA GPU (NVIDIA driver not found)</source>
        <translation>沒有 NVIDIA GPU（未找到 NVIDIA 驅動）</translation>
    </message>
    <message>
        <source>NVIDIA driver installed but not loaded</source>
        <translation>已安裝 NVIDIA 驅動但未載入</translation>
    </message>
    <message>
        <source>NVIDIA GPU could not be read: {reason}</source>
        <translation>無法讀取 NVIDIA GPU：{reason}</translation>
    </message>
    <message>
        <source>no NVIDIA GPU</source>
        <translation>沒有 NVIDIA GPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>GPU: {name}, {free} free of {total} VRAM (driver {driver})</source>
        <translation>GPU：{name}，視訊記憶體 {total}，空閒 {free}（驅動 {driver}）</translation>
    </message>
    <message>
        <source>GPU: {status}</source>
        <translation>GPU：{status}</translation>
    </message>
    <message>
        <source>Chip: {chip}, {memory} unified memory</source>
        <translation>晶片：{chip}，統一記憶體 {memory}</translation>
    </message>
    <message>
        <source>RAM: {available} available of {total}</source>
        <translation>記憶體：共 {total}，可用 {available}</translation>
    </message>
    <message>
        <source>Models folder: {path} ({free} free)</source>
        <translation>模型資料夾：{path}（空閒 {free}）</translation>
    </message>
</context>
<context>
    <name>InstalledView</name>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Downloaded</source>
        <translation>下載時間</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>已載入</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳情</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>刪除…</translation>
    </message>
    <message>
        <source>Asking Ollama…</source>
        <translation>正在詢問 Ollama…</translation>
    </message>
    <message>
        <source>yes — {vram} on GPU</source>
        <translation>是——GPU 上 {vram}</translation>
    </message>
    <message>
        <source>{n} models installed.</source>
        <translation>已安裝 {n} 個模型。</translation>
    </message>
    <message>
        <source>No models yet: pick one in the catalog and press Download.</source>
        <translation>還沒有模型：在目錄中選一個，然後點「下載」。</translation>
    </message>
    <message>
        <source>{name}: {family} {params} {quant}; context {context} tokens; can do: {caps}</source>
        <translation>{name}：{family} {params} {quant}；上下文 {context} 個 token；能力：{caps}</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>刪除模型</translation>
    </message>
    <message>
        <source>Delete {name}? Its files are removed; you can download it again.</source>
        <translation>刪除 {name}？它的檔案會被移除；之後可以重新下載。</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>正在刪除 {name}…</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>No key was given on standard input.</source>
        <translation>標準輸入中沒有提供金鑰。</translation>
    </message>
    <message>
        <source>API key for {provider} (input hidden): </source>
        <translation>{provider} 的 API 金鑰（輸入不顯示）：</translation>
    </message>
    <message>
        <source>The keyring backend cannot be loaded: {error}</source>
        <translation>無法載入金鑰圈後端：{error}</translation>
    </message>
    <message>
        <source>Check PYTHON_KEYRING_BACKEND and keyring&apos;s configuration file (keyringrc.cfg), or unset them to use the system keyring.</source>
        <translation>請檢查 PYTHON_KEYRING_BACKEND 與 keyring 的設定檔（keyringrc.cfg），或取消設定以使用系統金鑰圈。</translation>
    </message>
    <message>
        <source>Stored the key for {provider} ({masked}) in the keyring.</source>
        <translation>已把 {provider} 的金鑰（{masked}）存入金鑰環。</translation>
    </message>
    <message>
        <source>No API keys are stored.</source>
        <translation>未儲存任何 API 金鑰。</translation>
    </message>
    <message>
        <source>There is no stored key for {provider}.</source>
        <translation>沒有儲存 {provider} 的金鑰。</translation>
    </message>
    <message>
        <source>Deleted the key for {provider}.</source>
        <translation>已刪除 {provider} 的金鑰。</translation>
    </message>
    <message>
        <source>On macOS the login Keychain is used; make sure you are logged in to a normal desktop session (not only over SSH).</source>
        <translation>在 macOS 上使用登入鑰匙串；請確保你登入的是普通桌面會話（而不只是通過 SSH）。</translation>
    </message>
    <message>
        <source>On Windows the Credential Manager is used; run Hearth from your own Windows account, not a service account.</source>
        <translation>在 Windows 上使用憑據管理器；請用你自己的 Windows 賬戶執行 Hearth，而不是服務賬戶。</translation>
    </message>
    <message>
        <source>On Linux install and unlock a Secret Service keyring, e.g. GNOME Keyring (sudo apt install gnome-keyring) or KWallet, and run Hearth inside your desktop session. Remove keyrings.alt if it is installed: it stores secrets in plain files.</source>
        <translation>在 Linux 上請安裝並解鎖一個 Secret Service 金鑰環，例如 GNOME Keyring（sudo apt install gnome-keyring）或 KWallet，並在桌面會話中執行 Hearth。如果裝有 keyrings.alt，請將其解除安裝：它把機密存為明文檔案。</translation>
    </message>
    <message>
        <source>No secure keyring is available, so Hearth will not store API keys (found: {found}).</source>
        <translation>沒有可用的安全金鑰環，因此 Hearth 不會儲存 API 金鑰（找到的是：{found}）。</translation>
    </message>
    <message>
        <source>The key is empty; nothing was stored.</source>
        <translation>金鑰為空；未儲存任何內容。</translation>
    </message>
    <message>
        <source>The key contains spaces or line breaks; nothing was stored.</source>
        <translation>金鑰中含有空格或換行；未儲存任何內容。</translation>
    </message>
    <message>
        <source>Paste exactly the key the provider showed you.</source>
        <translation>請原樣貼上服務商給你的金鑰。</translation>
    </message>
    <message>
        <source>The keyring did not store the key for {provider}.</source>
        <translation>金鑰環未能儲存 {provider} 的金鑰。</translation>
    </message>
    <message>
        <source>The keyring did not give out the key for {provider}.</source>
        <translation>金鑰環未能取出 {provider} 的金鑰。</translation>
    </message>
    <message>
        <source>The keyring did not delete the key for {provider}.</source>
        <translation>金鑰環未能刪除 {provider} 的金鑰。</translation>
    </message>
    <message>
        <source>Is the keyring unlocked? The keyring said: {reason}</source>
        <translation>金鑰環是否已解鎖？金鑰環返回：{reason}</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Write the moment as YYYY-MM-DDTHH:MM (UTC).</source>
        <translation>請依 YYYY-MM-DDTHH:MM（UTC）填寫時刻。</translation>
    </message>
    <message>
        <source>break-even calculator for local hardware</source>
        <translation>本地硬體的回本計算器</translation>
    </message>
    <message>
        <source>Monthly cloud cost against electricity, and the months until the hardware has paid for itself. Prices are in the chosen currency (per million tokens or per request); --fx is units of that currency per US dollar. Unset options come from your savings settings.</source>
        <translation>每月雲端費用與電費的對比，以及硬體回本所需的月數。價格使用所選貨幣（每百萬 token 或每次請求）；--fx 為每美元兌該貨幣的數額。未指定的選項取自你的節省設定。</translation>
    </message>
    <message>
        <source>price as of this moment, UTC (default: now)</source>
        <translation>依此時刻（UTC）的價格計算（預設：現在）</translation>
    </message>
    <message>
        <source>--output-price goes with --input-price, not with the others.</source>
        <translation>--output-price 要與 --input-price 一起使用，不能與其他選項搭配。</translation>
    </message>
    <message>
        <source>Cloud cost per month:       {v}</source>
        <translation>每月雲端費用：     {v}</translation>
    </message>
    <message>
        <source>Electricity per month:      {v}</source>
        <translation>每月電費：         {v}</translation>
    </message>
    <message>
        <source>Net saving per month:       {v}</source>
        <translation>每月淨節省：       {v}</translation>
    </message>
    <message>
        <source>Break-even:                 never (no monthly saving)</source>
        <translation>回本：             永不（每月沒有節省）</translation>
    </message>
    <message>
        <source>Break-even:                 {m:.1f} months</source>
        <translation>回本：             {m:.1f} 個月</translation>
    </message>
    <message>
        <source>Price: {source}</source>
        <translation>價格：{source}</translation>
    </message>
    <message>
        <source>what local AI saved you in a month</source>
        <translation>本地 AI 一個月為你節省了多少</translation>
    </message>
    <message>
        <source>The monthly savings report: local and cloud replies, the all-cloud baseline, real costs, net and cumulative savings, payback.</source>
        <translation>月度節省報告：本地與雲端回覆、全雲端基準、實際成本、淨節省與累計節省、回本進度。</translation>
    </message>
    <message>
        <source>the month, YYYY-MM (default: this month)</source>
        <translation>月份，YYYY-MM（預設：本月）</translation>
    </message>
    <message>
        <source>write to this file instead of the screen</source>
        <translation>寫入此檔案而不是螢幕</translation>
    </message>
    <message>
        <source>No report was printed, because the recovered data may be incomplete. Run the same command again for the report from what was recovered.</source>
        <translation>未輸出報告，因為復原的資料可能不完整。再次執行同一指令即可取得根據已復原資料的報告。</translation>
    </message>
    <message>
        <source>hearth: --format pdf needs --out FILE</source>
        <translation>hearth：--format pdf 需要 --out 檔案</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>無法寫入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Choose another baseline model or enter a custom price.</source>
        <translation>請選擇另一個基準模型，或輸入自定義價格。</translation>
    </message>
    <message>
        <source>{provider} {model} at each request&apos;s own date and hour (Hearth&apos;s price table of {checked}, in {currency}, over genai-prices {version})</source>
        <translation>{provider} {model}，依每次請求各自的日期與時段計價（Hearth 價格表，核對於 {checked}，以 {currency} 計，基於 genai-prices {version}）</translation>
    </message>
    <message>
        <source>{provider} {model} at each request&apos;s own date (genai-prices {version})</source>
        <translation>{provider} {model}，按每次請求當日的價格（genai-prices {version}）</translation>
    </message>
    <message>
        <source> — {retired}</source>
        <translation>——{retired}</translation>
    </message>
    <message>
        <source>, with your own price from {date}</source>
        <translation>，自 {date} 起使用你設定的價格</translation>
    </message>
    <message>
        <source>, with the provider&apos;s prompt-cache discount modelled</source>
        <translation>，並計入服務商的提示詞緩存摺扣</translation>
    </message>
    <message>
        <source>your custom price: {input} per million input tokens, {output} per million output tokens, {request} per request</source>
        <translation>你的自定義價格：每百萬輸入 token {input}，每百萬輸出 token {output}，每次請求 {request}</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>每天請求數</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>輸入 token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>輸出 token</translation>
    </message>
    <message>
        <source>Hardware cost</source>
        <translation>硬體成本</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>電價</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>價格</translation>
    </message>
    <message>
        <source>{label} must not be negative.</source>
        <translation>{label} 不能為負數。</translation>
    </message>
    <message>
        <source>Hours per day must be between 0 and 24.</source>
        <translation>每天小時數必須在 0 到 24 之間。</translation>
    </message>
    <message>
        <source>The exchange rate must be greater than zero.</source>
        <translation>匯率必須大於零。</translation>
    </message>
    <message>
        <source>Days per month must be between 1 and 31.</source>
        <translation>每月天數必須在 1 到 31 之間。</translation>
    </message>
    <message>
        <source>your price per request</source>
        <translation>你的每次請求價格</translation>
    </message>
    <message>
        <source>your prices per million tokens</source>
        <translation>你的每百萬 token 價格</translation>
    </message>
    <message>
        <source>Give the baseline model as PROVIDER:MODEL.</source>
        <translation>請以 服務商:模型 的形式填寫基準模型。</translation>
    </message>
    <message>
        <source>In {month} you had {local} local and {cloud} billed cloud replies. On the baseline cloud model the same work would have cost {baseline}; you spent {cloud_spend} on cloud replies, {electricity} on electricity and {amortization} on hardware amortization, so you saved {saved}. Saved so far in all: {cumulative}.</source>
        <translation>{month} 你共有 {local} 則本機回覆與 {cloud} 則計費的雲端回覆。同樣的工作若用基準雲端模型需花費 {baseline}；你在雲端回覆上花了 {cloud_spend}，電費 {electricity}，硬體攤提 {amortization}，因此省下 {saved}。累計已省下：{cumulative}。</translation>
    </message>
    <message>
        <source>{count} attempts failed and are not counted as replies.</source>
        <translation>{count} 次嘗試失敗，未計為回覆。</translation>
    </message>
    <message>
        <source>Enter the hardware cost in Savings settings to see payback.</source>
        <translation>在「節省設定」中填寫硬體成本即可查看回本進度。</translation>
    </message>
    <message>
        <source>Your hardware has paid for itself ({percent}%).</source>
        <translation>你的硬體已經回本（{percent}%）。</translation>
    </message>
    <message>
        <source>Your hardware is {percent}% paid back; not enough data yet to project when it will be (a projection needs {days} days of use).</source>
        <translation>你的硬體已回本 {percent}%；資料尚不足，暫時無法預估何時回本（預估需要 {days} 天的使用紀錄）。</translation>
    </message>
    <message>
        <source>Your hardware is {percent}% paid back; at the recent rate it never will be.</source>
        <translation>你的硬體已回本 {percent}%；按最近的速度，永遠無法回本。</translation>
    </message>
    <message>
        <source>Your hardware is {percent}% paid back; at the recent rate it will be on {date}.</source>
        <translation>你的硬體已回本 {percent}%；按最近的速度，將於 {date} 回本。</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>貨幣</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回本</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>US dollars</source>
        <translation>美元</translation>
    </message>
    <message>
        <source>converted at your rate of {rate} {currency} per US dollar</source>
        <translation>按你設定的匯率 {rate} {currency}/美元換算</translation>
    </message>
    <message>
        <source>{measured} replies measured (NVIDIA energy counter or power samples, Apple&apos;s IOReport counters); at {price} per kWh.</source>
        <translation>{measured} 則回覆為實測（NVIDIA 能耗計數器或功率取樣、Apple 的 IOReport 計數器）；電價每度 {price}。</translation>
    </message>
    <message>
        <source>{count} estimated at the wattage set when they were recorded ({watts}) × time.</source>
        <translation>{count} 則依紀錄時設定的功率（{watts}）× 時長估算。</translation>
    </message>
    <message>
        <source>{count} recorded without an energy figure, estimated at your current {watts} W × time.</source>
        <translation>{count} 則紀錄時沒有能耗資料，依你目前設定的 {watts} W × 時長估算。</translation>
    </message>
    <message>
        <source>{count} failed attempts used no energy (the engine produced nothing).</source>
        <translation>{count} 次失敗的嘗試不計能耗（引擎沒有產生任何內容）。</translation>
    </message>
    <message>
        <source>{local} local replies ({stopped} stopped early) and {cloud} billed cloud replies ({cut} cut streams billed by estimate); apart from them {cloud_failed} cloud attempts billed nothing (errors before any reply) and {local_failed} local attempts failed.</source>
        <translation>{local} 則本機回覆（其中 {stopped} 則提前停止）與 {cloud} 則計費的雲端回覆（其中 {cut} 則中斷的串流依估算計費）；此外還有 {cloud_failed} 次雲端嘗試未計費（在任何回覆之前出錯），{local_failed} 次本機嘗試失敗。</translation>
    </message>
    <message>
        <source>Local: {local} tokens, the full context of every request (what a cloud bills each turn); {local_reported} as the server reported, {local_estimated} Hearth&apos;s estimate where the server counted less. Cloud: {cloud} tokens, {cloud_reported} as the provider reported, {cloud_estimated} estimated.</source>
        <translation>本機：{local} 個 tokens，即每次請求的完整上下文（雲端每輪都會計費的部分）；{local_reported} 個依伺服器回報，{local_estimated} 個在伺服器計數偏少時採用 Hearth 的估算。雲端：{cloud} 個 tokens，{cloud_reported} 個依服務商回報，{cloud_estimated} 個為估算。</translation>
    </message>
    <message>
        <source>Local: {local} tokens ({local_estimated} estimated from the text). Cloud: {cloud} tokens ({cloud_estimated} estimated).</source>
        <translation>本機：{local} 個 tokens（其中 {local_estimated} 個由文字估算）。雲端：{cloud} 個 tokens（其中 {cloud_estimated} 個為估算）。</translation>
    </message>
    <message>
        <source>What each provider&apos;s reported usage cost at the time of the reply; {estimated} replies priced from Hearth&apos;s estimate (cut or stopped streams, no usage report); {unpriced} cloud replies had no known price.</source>
        <translation>依各服務商回報的用量在回覆當時的價格計算；{estimated} 則回覆依 Hearth 的估算計價（串流中斷或被停止、沒有用量回報）；{unpriced} 則雲端回覆沒有已知價格。</translation>
    </message>
    <message>
        <source>Hardware cost {cost} spread evenly over {months} months from {date}, counted up to {now}.</source>
        <translation>硬體費用 {cost} 自 {date} 起平均攤提到 {months} 個月，計至 {now}。</translation>
    </message>
    <message>
        <source>Savings before amortization since the purchase date, against the hardware cost; projected at the average of the last {days} days, today included.</source>
        <translation>自購買日起未計攤提的節省金額與硬體費用相比；依最近 {days} 天（含今天）的平均值預估。</translation>
    </message>
    <message>
        <source>Local replies priced at {baseline}; cloud replies as billed.</source>
        <translation>本地回覆按 {baseline} 計價；雲端回覆按實際賬單。</translation>
    </message>
    <message>
        <source>Prompt-cache discount: modelled.</source>
        <translation>提示詞緩存摺扣：已計入。</translation>
    </message>
    <message>
        <source>Prompt-cache discount: not modelled.</source>
        <translation>提示詞緩存摺扣：未計入。</translation>
    </message>
    <message>
        <source>Not included (no amortization period set).</source>
        <translation>未計入（未設定攤銷期）。</translation>
    </message>
    <message>
        <source>All-cloud baseline: every local reply is priced as if the baseline cloud model had answered it. A cloud bills the whole conversation as input on every turn, so the input is the full context Hearth sent, not the smaller count a local server may report after its prompt cache. Prices are genai-prices&apos; at each request&apos;s own time (prices change, long contexts cost more per token). Failed replies are not in the baseline; cloud replies count at what they cost.</source>
        <translation>全雲端基準：每次本地回覆都按假如由基準雲端模型回答來計價。雲端每一輪都把整個對話作為輸入計費，所以輸入是 Hearth 傳送的完整上下文，而不是本地伺服器在提示詞快取後可能報告的較小數字。價格取自 genai-prices 在每次請求當時的價格（價格會變，長上下文每 token 更貴）。失敗的回覆不計入基準；雲端回覆按實際花費計。</translation>
    </message>
    <message>
        <source>Real cost: cloud replies as billed, plus electricity for local replies (energy measured by the GPU when possible, else your configured watts × the reply&apos;s time, marked as estimated), plus hardware amortization if you set it.</source>
        <translation>實際成本：雲端回覆按賬單計，加上本地回覆的電費（儘可能由 GPU 實測能耗，否則按你設定的功率 × 回覆時間，並標為估算），如已設定，再加上硬體攤銷。</translation>
    </message>
    <message>
        <source>Saved = baseline − real cost, per reply, per day and per month; the cumulative figure adds every month so far. Payback compares savings before amortization with the hardware cost.</source>
        <translation>節省 = 基準 − 實際成本，按每次回覆、每天和每月計算；累計數字加總至今的每個月。回本進度把攤銷前的節省與硬體成本相比較。</translation>
    </message>
    <message>
        <source>Days are counted in the time zone {zone}.</source>
        <translation>日期按時區 {zone} 計算。</translation>
    </message>
    <message>
        <source>Cloud reply, as billed: {source}</source>
        <translation>雲端回覆，按賬單：{source}</translation>
    </message>
    <message>
        <source>no known price</source>
        <translation>無已知價格</translation>
    </message>
    <message>
        <source>{tokens} context tokens and {output} output tokens priced at {baseline}; </source>
        <translation>{tokens} 個上下文 token 和 {output} 個輸出 token，按 {baseline} 計價；</translation>
    </message>
    <message>
        <source>energy estimated at your current {watts} W.</source>
        <translation>能耗依你目前設定的 {watts} W 估算。</translation>
    </message>
    <message>
        <source>no energy: the engine produced nothing.</source>
        <translation>不計能耗：引擎沒有產生任何內容。</translation>
    </message>
    <message>
        <source>energy estimated at {watts} W, the wattage set when it was recorded.</source>
        <translation>能耗依紀錄時設定的 {watts} W 估算。</translation>
    </message>
    <message>
        <source>energy measured ({source}).</source>
        <translation>能耗為實測（{source}）。</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM, e.g. 2025-03.</source>
        <translation>請按 YYYY-MM 填寫月份，例如 2025-03。</translation>
    </message>
    <message>
        <source>Write the baseline as PROVIDER:MODEL, e.g. {example}.</source>
        <translation>請按 服務商:模型 填寫基準，例如 {example}。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, or leave it empty.</source>
        <translation>請按 YYYY-MM-DD 填寫日期，或留空。</translation>
    </message>
    <message>
        <source>Must be between 0 (off) and 600 months.</source>
        <translation>必須在 0（關閉）到 600 個月之間。</translation>
    </message>
    <message>
        <source>Must be between 1 and 31 days.</source>
        <translation>必須在 1 到 31 天之間。</translation>
    </message>
    <message>
        <source>Local replies</source>
        <translation>本地回覆</translation>
    </message>
    <message>
        <source>All-cloud baseline</source>
        <translation>全雲端基準</translation>
    </message>
    <message>
        <source>Cloud spend</source>
        <translation>雲端花費</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>電費</translation>
    </message>
    <message>
        <source>Hardware amortization</source>
        <translation>硬體攤銷</translation>
    </message>
    <message>
        <source>Net saved</source>
        <translation>淨節省</translation>
    </message>
    <message>
        <source>Cumulative saved</source>
        <translation>累計節省</translation>
    </message>
    <message>
        <source>Hearth savings report — {month}</source>
        <translation>Hearth 節省報告——{month}</translation>
    </message>
    <message>
        <source>Cloud replies (billed)</source>
        <translation>雲端回覆（已計費）</translation>
    </message>
    <message>
        <source>Failed attempts (billed nothing)</source>
        <translation>失敗的嘗試（未計費）</translation>
    </message>
    <message>
        <source>Local tokens (input / output)</source>
        <translation>本機 tokens（輸入 / 輸出）</translation>
    </message>
    <message>
        <source>Cloud tokens (input / output)</source>
        <translation>雲端 tokens（輸入 / 輸出）</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>雲端</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基準</translation>
    </message>
    <message>
        <source>Real cost</source>
        <translation>實際成本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>節省</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服務商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>圖表</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>每日明細</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Where the figures come from</source>
        <translation>資料來源</translation>
    </message>
    <message>
        <source>How this is computed</source>
        <translation>計算方式</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回覆</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Could not write the PDF to {path}.</source>
        <translation>無法把 PDF 寫入 {path}。</translation>
    </message>
    <message>
        <source>Check that the folder exists and you may write to it.</source>
        <translation>請檢查該資料夾是否存在，以及你是否有寫入許可權。</translation>
    </message>
    <message>
        <source>{currency} amounts shown as billed, without conversion.</source>
        <translation>{currency} 金額依帳單原樣顯示，未做換算。</translation>
    </message>
    <message>
        <source>{currency} amounts converted at {rate} {currency} per US dollar.</source>
        <translation>{currency} 金額依每美元 {rate} {currency} 換算。</translation>
    </message>
    <message>
        <source>That is Hearth&apos;s starting value; choose that currency to set your own.</source>
        <translation>這是 Hearth 的初始匯率；選擇該貨幣即可設定你自己的匯率。</translation>
    </message>
</context>
<context>
    <name>LedgerCharts</name>
    <message>
        <source>Saved</source>
        <translation>節省</translation>
    </message>
    <message>
        <source>Saved per day ({currency})</source>
        <translation>每日節省（{currency}）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>沒有資料</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>雲端</translation>
    </message>
    <message>
        <source>Saved per day</source>
        <translation>每日節省</translation>
    </message>
    <message>
        <source>Replies: local and cloud</source>
        <translation>回覆：本地與雲端</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回覆</translation>
    </message>
    <message>
        <source>Top models by replies</source>
        <translation>回覆最多的模型</translation>
    </message>
</context>
<context>
    <name>LedgerSettingsDialog</name>
    <message>
        <source>Savings settings</source>
        <translation>節省設定</translation>
    </message>
    <message>
        <source>Prices, electricity and hardware are in your currency; the exchange rate converts published US-dollar prices. Hearth never fetches live rates.</source>
        <translation>價格、電費和硬體都使用你的貨幣；匯率用於換算以美元公佈的價格。Hearth 從不線上獲取即時匯率。</translation>
    </message>
    <message>
        <source>Write the baseline as PROVIDER:MODEL to set your own price for it.</source>
        <translation>將基準寫成 PROVIDER:MODEL，即可為它設定你自己的價格。</translation>
    </message>
    <message>
        <source>Your own price for %1 (any currency, from a date on; also in Tools → API keys):</source>
        <translation>你為 %1 設定的價格（任意貨幣，可指定生效日期；也可在「工具 → API 金鑰」中設定）：</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>The model catalog is missing from this installation.</source>
        <translation>此安裝中缺少模型目錄。</translation>
    </message>
    <message>
        <source>Reinstall Hearth; you can still download a model by name.</source>
        <translation>請重新安裝 Hearth；你仍可以按名稱下載模型。</translation>
    </message>
    <message>
        <source>The model catalog {path} could not be read.</source>
        <translation>無法讀取模型目錄 {path}。</translation>
    </message>
    <message>
        <source>“{name}” is not a model name Ollama can download.</source>
        <translation>「{name}」不是 Ollama 可以下載的模型名稱。</translation>
    </message>
    <message>
        <source>Use a name like qwen2.5:7b, user/model, or hf.co/user/repo (a mirror host works too: host:port/namespace/model:tag).</source>
        <translation>請使用類似 qwen2.5:7b、user/model 或 hf.co/user/repo 的名稱（也可以用映象主機：host:port/namespace/model:tag）。</translation>
    </message>
    <message>
        <source>Ollama is not running at {host}.</source>
        <translation>Ollama 沒有在 {host} 執行。</translation>
    </message>
    <message>
        <source>Start Ollama, then try again.</source>
        <translation>請啟動 Ollama，然後重試。</translation>
    </message>
    <message>
        <source>Ollama refused ({name}): {reason}</source>
        <translation>Ollama 拒絕了（{name}）：{reason}</translation>
    </message>
    <message>
        <source>Not enough free disk space for {name}: it needs {needed}, {free} free.</source>
        <translation>磁碟空間不足，無法下載 {name}：需要 {needed}，可用 {free}。</translation>
    </message>
    <message>
        <source>Free some space (or delete a model you no longer use), or set OLLAMA_MODELS to a larger disk and restart Ollama.</source>
        <translation>請釋放一些空間（或刪除不再使用的模型），或把 OLLAMA_MODELS 設到更大的磁碟並重啟 Ollama。</translation>
    </message>
    <message>
        <source>The download of {name} stopped making progress and {tries} attempts did not get it going again.</source>
        <translation>{name} 的下載停滯不前，{tries} 次嘗試都未能恢復。</translation>
    </message>
    <message>
        <source>Check the network connection (or try a mirror), then download again: it continues where it stopped. Last problem: {reason}</source>
        <translation>請檢查網路連線（或換用映象），然後重新下載：會從中斷處繼續。最後的問題：{reason}</translation>
    </message>
    <message>
        <source>stalled; retrying in {seconds:.0f} s</source>
        <translation>停滯；{seconds:.0f} 秒後重試</translation>
    </message>
    <message>
        <source>no progress for {seconds:.0f} s</source>
        <translation>{seconds:.0f} 秒沒有進展</translation>
    </message>
    <message>
        <source>the connection closed early</source>
        <translation>連線過早關閉</translation>
    </message>
    <message>
        <source>Ollama could not download {name}: {reason}</source>
        <translation>Ollama 無法下載 {name}：{reason}</translation>
    </message>
    <message>
        <source>Check the name (and the mirror, if you use one). Downloading again continues where it stopped.</source>
        <translation>請檢查名稱（如使用映象，也請檢查映象）。重新下載會從中斷處繼續。</translation>
    </message>
    <message>
        <source>Start Ollama, then download again.</source>
        <translation>請啟動 Ollama，然後重新下載。</translation>
    </message>
    <message>
        <source>Ollama library (registry.ollama.ai)</source>
        <translation>Ollama 模型庫（registry.ollama.ai）</translation>
    </message>
    <message>
        <source>ModelScope (modelscope.cn, fast in China)</source>
        <translation>魔搭 ModelScope（modelscope.cn，中國大陸速度快）</translation>
    </message>
    <message>
        <source>Hugging Face (hf.co)</source>
        <translation>Hugging Face（hf.co）</translation>
    </message>
    <message>
        <source>catalog of {date}</source>
        <translation>{date} 的目錄</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Model library</source>
        <translation>模型庫</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目錄</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下載</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安裝</translation>
    </message>
</context>
<context>
    <name>LibraryFeature</name>
    <message>
        <source>Model library…</source>
        <translation>模型庫…</translation>
    </message>
</context>
<context>
    <name>MachinePanel</name>
    <message>
        <source>This machine</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>測量中…</translation>
    </message>
    <message>
        <source>Could not measure this machine: {error}</source>
        <translation>無法測量本機：{error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Savings report…</source>
        <translation>節省報告…</translation>
    </message>
    <message>
        <source>Break-even calculator…</source>
        <translation>回本計算器…</translation>
    </message>
    <message>
        <source>Savings settings…</source>
        <translation>節省設定…</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>匯出對話(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import conversation…</source>
        <translation>匯入對話(&amp;I)…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>匯出…</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新對話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>對話(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重新命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>刪除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;System prompt…</source>
        <translation>系統提示詞(&amp;S)…</translation>
    </message>
    <message>
        <source>Send to &amp;cloud…</source>
        <translation>傳送到雲端(&amp;C)…</translation>
    </message>
    <message>
        <source>Return to &amp;local</source>
        <translation>回到本地(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;top reply</source>
        <translation>停止回覆(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refresh model list</source>
        <translation>重新整理模型列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>幫助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Hearth</source>
        <translation>關於 Hearth(&amp;A)</translation>
    </message>
    <message>
        <source>Connecting to Ollama…</source>
        <translation>正在連線 Ollama…</translation>
    </message>
    <message>
        <source>Hearth closed unexpectedly while opening a conversation last time, so it was not reopened. Choose it in the list to try again.</source>
        <translation>上次 Hearth 在開啟一個對話時意外關閉，因此這次沒有自動重新開啟它。可在清單中選擇它再試一次。</translation>
    </message>
    <message>
        <source>Ollama {version} · {count} models</source>
        <translation>Ollama {version} · {count} 個模型</translation>
    </message>
    <message>
        <source>Ollama not installed</source>
        <translation>未安裝 Ollama</translation>
    </message>
    <message>
        <source>Ollama not running</source>
        <translation>Ollama 未執行</translation>
    </message>
    <message>
        <source>Ollama has no models</source>
        <translation>Ollama 沒有模型</translation>
    </message>
    <message>
        <source>{engines} · {count} models</source>
        <translation>{engines} · {count} 個模型</translation>
    </message>
    <message>
        <source>Something went wrong: {error} (details in the log)</source>
        <translation>出了點問題：{error}（詳情見日誌）</translation>
    </message>
    <message>
        <source>Could not check Ollama: {error}</source>
        <translation>無法檢查 Ollama：{error}</translation>
    </message>
    <message>
        <source>Deleted “{title}” — Undo</source>
        <translation>已刪除「{title}」——撤銷</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation>關於 Hearth</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hearth {version}&lt;/b&gt;&lt;p&gt;Chat with local AI, send a conversation to the cloud only when you choose, and see what your hardware saves you.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hearth {version}&lt;/b&gt;&lt;p&gt;與本地 AI 聊天，只在你選擇時把對話傳送到雲端，並看清你的硬體為你省了多少。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit Hearth?</source>
        <translation>退出 Hearth？</translation>
    </message>
    <message>
        <source>A model is still downloading. Quit anyway? You can resume it next time.</source>
        <translation>還有模型正在下載。仍要退出嗎？下次可以繼續下載。</translation>
    </message>
    <message>
        <source>Search all conversations…</source>
        <translation>搜尋所有對話…</translation>
    </message>
    <message>
        <source>Find in conversation…</source>
        <translation>在對話中尋找…</translation>
    </message>
</context>
<context>
    <name>MessageList</name>
    <message>
        <source>↓ Jump to latest</source>
        <translation>↓ 跳到最新</translation>
    </message>
    <message>
        <source>Scroll to the newest message</source>
        <translation>捲動到最新訊息</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>複製這條訊息</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Ask for this reply again</source>
        <translation>重新請求這條回覆</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Try this reply again</source>
        <translation>再試一次這條回覆</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>writing…</source>
        <translation>正在書寫…</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation>正在思考…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Image: {alt}</source>
        <translation>圖片：{alt}</translation>
    </message>
    <message>
        <source>Image not shown: {alt} ({size} KB)</source>
        <translation>未顯示圖片：{alt}（{size} KB）</translation>
    </message>
    <message>
        <source>Show the whole line ({count} characters)</source>
        <translation>顯示整行（{count} 個字元）</translation>
    </message>
    <message>
        <source>Nested too deeply to lay out; shown as written:</source>
        <translation>巢狀層級過深，無法排版；依原文顯示：</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <source>{engine} — {address}</source>
        <translation>{engine} — {address}</translation>
    </message>
    <message>
        <source> (loaded)</source>
        <translation>（已載入）</translation>
    </message>
    <message>
        <source>{model} on {engine} at {address}</source>
        <translation>{engine}（{address}）上的 {model}</translation>
    </message>
    <message>
        <source>Runs with a context of {tokens} tokens.</source>
        <translation>以 {tokens} 個 token 的上下文執行。</translation>
    </message>
    <message>
        <source>Understands images.</source>
        <translation>能理解圖片。</translation>
    </message>
    <message>
        <source>No local model found</source>
        <translation>找不到本機模型</translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>list installed models and whether they fit</source>
        <translation>列出已安裝的模型及其是否適合本機</translation>
    </message>
    <message>
        <source>List the models Ollama has, with size, date, what is loaded, and how well each runs on this machine.</source>
        <translation>列出 Ollama 中的模型，包括大小、日期、已載入的模型，以及每個模型在本機上的執行情況。</translation>
    </message>
    <message>
        <source>Ollama server URL</source>
        <translation>Ollama 伺服器 URL</translation>
    </message>
    <message>
        <source>list the recommended models instead</source>
        <translation>改為列出推薦的模型</translation>
    </message>
    <message>
        <source>with --catalog: only models for this use</source>
        <translation>與 --catalog 一起使用：只列出適合此用途的模型</translation>
    </message>
    <message>
        <source>also look for a local server at this address</source>
        <translation>同時在這個位址尋找本機伺服器</translation>
    </message>
    <message>
        <source>with --catalog: read exact sizes from the registry</source>
        <translation>與 --catalog 一起使用：從模型倉庫讀取精確大小</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>MODIFIED</source>
        <translation>修改時間</translation>
    </message>
    <message>
        <source>LOADED</source>
        <translation>已載入</translation>
    </message>
    <message>
        <source>FIT</source>
        <translation>適配</translation>
    </message>
    <message>
        <source>yes, {vram} VRAM</source>
        <translation>是，視訊記憶體 {vram}</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation>引數</translation>
    </message>
    <message>
        <source>DOWNLOAD</source>
        <translation>下載大小</translation>
    </message>
    <message>
        <source>USES</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Sizes of {count} models read from the registry now.</source>
        <translation>已從模型倉庫讀取 {count} 個模型的大小。</translation>
    </message>
    <message>
        <source>Sizes from the Ollama library, compiled {date}.</source>
        <translation>大小取自 Ollama 模型庫，整理於 {date}。</translation>
    </message>
    <message>
        <source>Ollama is not running at {host}.</source>
        <translation>{host} 上沒有執行 Ollama。</translation>
    </message>
    <message>
        <source>No models installed yet. Try: hearth models --catalog</source>
        <translation>還沒有安裝模型。試試：hearth models --catalog</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Model library…</source>
        <translation>模型庫…</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>“{text}” is ambiguous here: did you mean {options}?</source>
        <translation>「{text}」在這裡有歧義：你指的是 {options}？</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 還是 </translation>
    </message>
    <message>
        <source>Numbers are read with “{mark}” as the decimal mark.</source>
        <translation>數字以「{mark}」作為小數點讀取。</translation>
    </message>
    <message>
        <source>“{text}” could mean {grouped} or {decimal}, so it was not used.</source>
        <translation>「{text}」可能是 {grouped}，也可能是 {decimal}，因此未被採用。</translation>
    </message>
    <message>
        <source>Write {grouped} without a separator, or {decimal}0 if you mean the smaller one.</source>
        <translation>請寫成不含分隔符號的 {grouped}；如果指的是較小的那個數，請寫成 {decimal}0。</translation>
    </message>
    <message>
        <source>“{text}” must be a whole number.</source>
        <translation>「{text}」必須是整數。</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>「{text}」不是數字。</translation>
    </message>
</context>
<context>
    <name>Ollama</name>
    <message>
        <source>Ollama is not running at {host}. Start Ollama, or install it from https://ollama.com/download.</source>
        <translation>Ollama 沒有在 {host} 執行。請啟動 Ollama，或從 https://ollama.com/download 安裝。</translation>
    </message>
    <message>
        <source>Ollama at {host} did not answer in time.</source>
        <translation>位於 {host} 的 Ollama 未能及時響應。</translation>
    </message>
    <message>
        <source>The connection to Ollama broke off: {detail}</source>
        <translation>與 Ollama 的連線中斷了：{detail}</translation>
    </message>
    <message>
        <source>Ollama sent a reply Hearth could not read: {detail}</source>
        <translation>Ollama 發來了 Hearth 無法讀取的回覆：{detail}</translation>
    </message>
    <message>
        <source>The model {model} is not installed in Ollama ({error}).</source>
        <translation>Ollama 中沒有安裝模型 {model}（{error}）。</translation>
    </message>
    <message>
        <source>Ollama ended the reply before it was finished.</source>
        <translation>Ollama 在回覆完成前結束了回覆。</translation>
    </message>
    <message>
        <source>Ollama is not installed on this computer.</source>
        <translation>這臺電腦上沒有安裝 Ollama。</translation>
    </message>
    <message>
        <source>Ollama is not running at {host}.</source>
        <translation>Ollama 沒有在 {host} 執行。</translation>
    </message>
    <message>
        <source>Ollama {version} is running but has no models yet.</source>
        <translation>Ollama {version} 正在執行，但還沒有模型。</translation>
    </message>
    <message>
        <source>Ollama {version} is running with {count} model(s).</source>
        <translation>Ollama {version} 正在執行，有 {count} 個模型。</translation>
    </message>
    <message>
        <source>Its output is in {path}.</source>
        <translation>它的輸出在 {path}。</translation>
    </message>
    <message>
        <source>Hearth could not start Ollama ({program}).</source>
        <translation>Hearth 無法啟動 Ollama（{program}）。</translation>
    </message>
    <message>
        <source>Ollama stopped right after starting (exit code {code}).</source>
        <translation>Ollama 啟動後立即停止了（退出碼 {code}）。</translation>
    </message>
    <message>
        <source>Ollama did not start within {seconds} seconds at {host}.</source>
        <translation>Ollama 未能在 {seconds} 秒內於 {host} 啟動。</translation>
    </message>
    <message>
        <source>Download Ollama from {url}, open the installer, then start Ollama.</source>
        <translation>從 {url} 下載 Ollama，開啟安裝程式，然後啟動 Ollama。</translation>
    </message>
    <message>
        <source>Install Ollama by running this in a terminal: {command}</source>
        <translation>在終端中執行以下命令安裝 Ollama：{command}</translation>
    </message>
</context>
<context>
    <name>OllamaPanel</name>
    <message>
        <source>Start Ollama</source>
        <translation>啟動 Ollama</translation>
    </message>
    <message>
        <source>Open the model library</source>
        <translation>開啟模型庫</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重試</translation>
    </message>
    <message>
        <source>Or use another local server</source>
        <translation>或者使用其他本機伺服器</translation>
    </message>
    <message>
        <source>Hearth looks for LM Studio, llama.cpp, Jan, vLLM and text-generation-webui on their usual ports. If yours runs elsewhere, enter its address:</source>
        <translation>Hearth 會在常用連接埠上尋找 LM Studio、llama.cpp、Jan、vLLM 和 text-generation-webui。如果你的伺服器在別的位址，請輸入：</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>使用這個伺服器</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>請輸入伺服器位址。</translation>
    </message>
    <message>
        <source>Ollama is not installed</source>
        <translation>未安裝 Ollama</translation>
    </message>
    <message>
        <source>Hearth chats with models that run on your own machine. The easiest way is Ollama: install it, then press Retry.</source>
        <translation>Hearth 與在你自己電腦上執行的模型聊天。最簡單的方式是 Ollama：安裝後按「重試」。</translation>
    </message>
    <message>
        <source>Ollama is not running</source>
        <translation>Ollama 未執行</translation>
    </message>
    <message>
        <source>Ollama is installed but nothing answers at {host}.</source>
        <translation>Ollama 已安裝，但 {host} 上沒有響應。</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>還沒有模型</translation>
    </message>
    <message>
        <source>Ollama is running at {host} but has no models. Download one from the model library, or in a terminal:</source>
        <translation>Ollama 正在 {host} 執行，但沒有模型。請從模型庫下載一個，或在終端中執行：</translation>
    </message>
    <message>
        <source>Starting Ollama…</source>
        <translation>正在啟動 Ollama…</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}：{problem}</translation>
    </message>
    <message>
        <source>use a number from {low} to {high}.</source>
        <translation>請填寫 {low} 到 {high} 之間的數字。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>溫度</translation>
    </message>
    <message>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>種子</translation>
    </message>
    <message>
        <source>use a number above 0 and at most 1.</source>
        <translation>請填寫大於 0 且不超過 1 的數字。</translation>
    </message>
    <message>
        <source>use a whole number from 0 to {high}.</source>
        <translation>請填寫 0 到 {high} 之間的整數。</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文長度</translation>
    </message>
</context>
<context>
    <name>Outbound</name>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>Message {number}</source>
        <translation>第 {number} 則訊息</translation>
    </message>
    <message>
        <source>hearth: {count} possibly private items would leave this computer. {where}</source>
        <translation>hearth：{count} 項可能的隱私內容將離開本機。{where}</translation>
    </message>
    <message>
        <source>Nothing was sent. Run again with --redact to send with these replaced by labels such as [EMAIL], or --send-anyway to send them as written.</source>
        <translation>沒有傳送任何內容。加上 --redact 重新執行，會把這些內容替換為 [EMAIL] 之類的標籤後傳送；或加上 --send-anyway 按原文傳送。</translation>
    </message>
</context>
<context>
    <name>OutboundDialog</name>
    <message>
        <source>Check before sending</source>
        <translation>傳送前檢查</translation>
    </message>
    <message>
        <source>{count} possibly private items would leave this computer. “Redact and send” replaces each with a label such as [EMAIL] (images are left out) in what is sent; your conversation keeps your words.</source>
        <translation>{count} 項可能的隱私內容將離開本機。「脫敏後傳送」會在傳送的內容中把每一項替換為 [EMAIL] 之類的標籤（圖片不傳送）；你的對話保留原文。</translation>
    </message>
    <message>
        <source>Don&apos;t ask again in this conversation for these items</source>
        <translation>在此對話中不再詢問這些項目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redact and send</source>
        <translation>脫敏後傳送</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然傳送</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>Hearth cannot use its data folder {folder}: {reason}.</source>
        <translation>Hearth 無法使用其資料夾 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>Make the folder writable (or free space on its disk), or choose another folder by setting HEARTH_DATA_DIR, then start Hearth again.</source>
        <translation>請讓該資料夾可寫入（或釋放其所在磁碟的空間），或透過設定 HEARTH_DATA_DIR 選擇其他資料夾，然後重新啟動 Hearth。</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁碟為唯讀</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>a file is in the way where a folder should be</source>
        <translation>該位置是一個檔案，而不是資料夾</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>the path cannot be created</source>
        <translation>無法建立該路徑</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好設定</translation>
    </message>
</context>
<context>
    <name>PreferencesFeature</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好設定(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>PriceEditor</name>
    <message>
        <source>input</source>
        <translation>輸入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>輸出</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD (empty: always)</source>
        <translation>自 YYYY-MM-DD 起（留空：一律適用）</translation>
    </message>
    <message>
        <source>Save price</source>
        <translation>儲存價格</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Enter a price per million input or output tokens.</source>
        <translation>請輸入每百萬輸入或輸出 tokens 的價格。</translation>
    </message>
    <message>
        <source>A price must not be negative.</source>
        <translation>價格不能為負數。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, or leave it empty.</source>
        <translation>請依 YYYY-MM-DD 填寫日期，或留空。</translation>
    </message>
    <message>
        <source>No price of yours: Hearth&apos;s price table and genai-prices apply.</source>
        <translation>你尚未設定價格：使用 Hearth 價格表與 genai-prices。</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>always</source>
        <translation>一律適用</translation>
    </message>
    <message>
        <source>%1: %2 in / %3 out per million tokens, from %4</source>
        <translation>%1：每百萬 tokens 輸入 %2 / 輸出 %3，自 %4 起</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>local: no API cost</source>
        <translation>本地：無 API 費用</translation>
    </message>
    <message>
        <source>Enter your price per million tokens for {model} in Tools → API keys.</source>
        <translation>請在「工具 → API 金鑰」中輸入 {model} 每百萬 tokens 的價格。</translation>
    </message>
    <message>
        <source>No published price is known for {provider} / {model}.</source>
        <translation>{provider} / {model} 沒有已知的公開價格。</translation>
    </message>
    <message>
        <source>Enter a price per million tokens in Settings.</source>
        <translation>請在設定中填寫每百萬 token 的價格。</translation>
    </message>
    <message>
        <source>your price for {provider} {model} from {date}</source>
        <translation>你為 {provider} {model} 設定的價格（自 {date} 起）</translation>
    </message>
    <message>
        <source>Hearth price table: {provider} {model} ({url}, a secondary source)</source>
        <translation>Hearth 價格表：{provider} {model}（{url}，二手來源）</translation>
    </message>
    <message>
        <source>Hearth price table: {provider} {model} ({url})</source>
        <translation>Hearth 價格表：{provider} {model}（{url}）</translation>
    </message>
    <message>
        <source>ran off this computer (an Ollama cloud model or another server): price unknown</source>
        <translation>不是在本機執行（Ollama 雲端模型或其他伺服器）：價格未知</translation>
    </message>
    <message>
        <source>Billed nothing: no reply came back ({reason}).</source>
        <translation>未計費：沒有收到任何回覆（{reason}）。</translation>
    </message>
    <message>
        <source>Estimated from Hearth&apos;s token count (no usage report): {source}</source>
        <translation>依 Hearth 的 token 計數估算（沒有用量回報）：{source}</translation>
    </message>
    <message>
        <source>The list of your prices could not be read.</source>
        <translation>無法讀取你的價格清單。</translation>
    </message>
    <message>
        <source>your price</source>
        <translation>你的價格</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Private key</source>
        <translation>私鑰</translation>
    </message>
    <message>
        <source>API key or token</source>
        <translation>API 金鑰或令牌</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>居民身份證號</translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation>銀行卡號</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>電子郵箱地址</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>電話號碼</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>圖片</translation>
    </message>
    <message>
        <source>An attached image ({size} KB): Hearth cannot read it.</source>
        <translation>附加的圖片（{size} KB）：Hearth 無法讀取其內容。</translation>
    </message>
    <message>
        <source>Local-only mode is on, so Hearth sends nothing off this computer. {where} Turn local-only mode off, or choose a model that runs here.</source>
        <translation>僅限本機模式已開啟，Hearth 不會向本機以外傳送任何內容。{where} 請關閉僅限本機模式，或選擇在本機執行的模型。</translation>
    </message>
    <message>
        <source>[{count} image(s) not sent]</source>
        <translation>[{count} 張圖片未傳送]</translation>
    </message>
    <message>
        <source>Sent with {items} replaced, as:</source>
        <translation>已替換{items}後傳送，傳送內容為：</translation>
    </message>
    <message>
        <source>{count} image(s) were not sent.</source>
        <translation>{count} 張圖片未傳送。</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Cloud providers are used only when you send a conversation there; their keys stay in the system keyring.</source>
        <translation>只有當你把對話傳送到雲端服務商時才會使用它們；金鑰只存放在系統鑰匙圈中。</translation>
    </message>
    <message>
        <source>API keys and prices…</source>
        <translation>API 金鑰與價格…</translation>
    </message>
    <message>
        <source>Privacy and cloud</source>
        <translation>隱私與雲端</translation>
    </message>
</context>
<context>
    <name>PullCommand</name>
    <message>
        <source>download a model into Ollama</source>
        <translation>把模型下載到 Ollama</translation>
    </message>
    <message>
        <source>Download a model by name: qwen2.5:7b, user/model, hf.co/user/repo, or host:port/namespace/model:tag for a mirror.</source>
        <translation>按名稱下載模型：qwen2.5:7b、user/model、hf.co/user/repo，或映象的 host:port/namespace/model:tag。</translation>
    </message>
    <message>
        <source>the model to download</source>
        <translation>要下載的模型</translation>
    </message>
    <message>
        <source>Ollama server URL</source>
        <translation>Ollama 伺服器 URL</translation>
    </message>
    <message>
        <source>allow a registry without HTTPS (a local mirror)</source>
        <translation>允許不使用 HTTPS 的倉庫（本地映象）</translation>
    </message>
    <message>
        <source>for a catalog model: download from the Ollama library, ModelScope or Hugging Face (default: the setting in Hearth)</source>
        <translation>目錄中的模型：從 Ollama 模型庫、魔搭 ModelScope 或 Hugging Face 下載（預設：Hearth 中的設定）</translation>
    </message>
    <message>
        <source>retry when no progress is made for this long</source>
        <translation>在這麼長時間沒有進展時重試</translation>
    </message>
    <message>
        <source>{source} has no copy of {name}; using the Ollama library.</source>
        <translation>{source} 上沒有 {name} 的副本，改用 Ollama 模型庫。</translation>
    </message>
    <message>
        <source>Downloading {name} from {host}</source>
        <translation>正在從 {host} 下載 {name}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped. Run “hearth pull {name}” again to continue where it stopped.</source>
        <translation>已停止。再次執行「hearth pull {name}」即可從中斷處繼續。</translation>
    </message>
    <message>
        <source>{name} is ready.</source>
        <translation>{name} 已就緒。</translation>
    </message>
</context>
<context>
    <name>QuickAskWindow</name>
    <message>
        <source>Quick ask</source>
        <translation>快速提問</translation>
    </message>
    <message>
        <source>Ask anything, then press Enter</source>
        <translation>想問什麼都可以，然後按 Enter</translation>
    </message>
    <message>
        <source>Open in Hearth</source>
        <translation>在 Hearth 中開啟</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新問題</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Hide quick ask</source>
        <translation>隱藏快速提問</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>尚未選擇模型</translation>
    </message>
    <message>
        <source>Choose a model in the main window first; your question is kept here.</source>
        <translation>請先在主視窗中選擇模型；你的問題會保留在這裡。</translation>
    </message>
    <message>
        <source>Asking {model}…</source>
        <translation>正在詢問 {model}…</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>未傳送。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Saved as a conversation.</source>
        <translation>已儲存為對話。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>發生錯誤：{error}</translation>
    </message>
</context>
<context>
    <name>ReplyDetailsLine</name>
    <message>
        <source>Interrupted: Hearth closed before the reply ended</source>
        <translation>已中斷：回覆結束前 Hearth 已關閉</translation>
    </message>
    <message>
        <source>Nothing was recorded for this reply: no tokens, time or cost.</source>
        <translation>這則回覆沒有任何紀錄：沒有 token 數、用時或費用。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>價格未知</translation>
    </message>
    <message>
        <source>cost {amount}</source>
        <translation>花費 {amount}</translation>
    </message>
    <message>
        <source>{amount} more than the cloud</source>
        <translation>比雲端多花 {amount}</translation>
    </message>
    <message>
        <source>saved {amount}</source>
        <translation>節省 {amount}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} 毫秒</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
    <message>
        <source>{input} → {output} tokens</source>
        <translation>{input} → {output} 個 token</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} token/秒</translation>
    </message>
    <message>
        <source>first token {time}</source>
        <translation>首個 token {time}</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>在本機</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>雲端</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>估算</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>完成於</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>輸入 token</translation>
    </message>
    <message>
        <source>Whole context (estimated)</source>
        <translation>完整上下文（估算）</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>輸出 token</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>First token after</source>
        <translation>首個 token 用時</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>總用時</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The cloud would have charged</source>
        <translation>雲端原本會收費</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>電費</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>節省</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>結果</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Savings report</source>
        <translation>節省報告</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>匯出 PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>匯出 CSV…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>匯出 HTML…</translation>
    </message>
    <message>
        <source>&lt;b&gt;How this is computed&lt;/b&gt;</source>
        <translation>&lt;b&gt;計算方法&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Local replies</source>
        <translation>本地回覆</translation>
    </message>
    <message>
        <source>Cloud replies (billed)</source>
        <translation>雲端回覆（已計費）</translation>
    </message>
    <message>
        <source>Failed attempts (billed nothing)</source>
        <translation>失敗的嘗試（未計費）</translation>
    </message>
    <message>
        <source>Local tokens (input / output)</source>
        <translation>本機 tokens（輸入 / 輸出）</translation>
    </message>
    <message>
        <source>Cloud tokens (input / output)</source>
        <translation>雲端 tokens（輸入 / 輸出）</translation>
    </message>
    <message>
        <source>All-cloud baseline</source>
        <translation>全雲端基準</translation>
    </message>
    <message>
        <source>Cloud spend</source>
        <translation>雲端花費</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>電費</translation>
    </message>
    <message>
        <source>Hardware amortization</source>
        <translation>硬體攤銷</translation>
    </message>
    <message>
        <source>Net saved</source>
        <translation>淨節省</translation>
    </message>
    <message>
        <source>Cumulative saved</source>
        <translation>累計節省</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回本進度</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>計算中…</translation>
    </message>
    <message>
        <source>The report could not be computed: %1</source>
        <translation>無法計算報告：%1</translation>
    </message>
    <message>
        <source>Amounts in %1.</source>
        <translation>金額單位：%1。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>匯出報告</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已儲存到 %1</translation>
    </message>
</context>
<context>
    <name>RetiredNotice</name>
    <message>
        <source>Use %1</source>
        <translation>改用 %1</translation>
    </message>
</context>
<context>
    <name>SavingsPage</name>
    <message>
        <source>Currency, exchange rate, electricity price, hardware cost and the cloud model your savings are measured against.</source>
        <translation>貨幣、匯率、電價、硬體成本，以及用來衡量節省金額的雲端模型。</translation>
    </message>
    <message>
        <source>Savings settings…</source>
        <translation>節省設定…</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>節省</translation>
    </message>
</context>
<context>
    <name>SavingsTally</name>
    <message>
        <source>Saved this month: …</source>
        <translation>本月節省：…</translation>
    </message>
    <message>
        <source>What local AI saved you this month. Click for the report.</source>
        <translation>本地 AI 本月為你節省的金額。點選檢視報告。</translation>
    </message>
    <message>
        <source>Saved this month: %1</source>
        <translation>本月節省：%1</translation>
    </message>
    <message>
        <source>Saved this month: unavailable</source>
        <translation>本月節省：不可用</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>search every conversation</source>
        <translation>搜尋所有對話</translation>
    </message>
    <message>
        <source>Search message text and conversation titles (Chinese included) and print each match: conversation, time and a snippet. Exit status 1 when nothing is found.</source>
        <translation>搜尋訊息內容與對話標題（包括中文），並列出每個符合項：對話、時間與摘要。找不到時結束狀態為 1。</translation>
    </message>
    <message>
        <source>what to look for</source>
        <translation>要尋找的內容</translation>
    </message>
    <message>
        <source>at most this many messages (default 50)</source>
        <translation>最多顯示這麼多則訊息（預設 50）</translation>
    </message>
    <message>
        <source>print JSON lines</source>
        <translation>輸出 JSON 行</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>找不到「{text}」。</translation>
    </message>
    <message>
        <source>conversation {id}</source>
        <translation>對話 {id}</translation>
    </message>
    <message>
        <source>title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>message {id}</source>
        <translation>訊息 {id}</translation>
    </message>
    <message>
        <source>Only the newest messages were searched: add a longer word (3 characters or more) to search them all.</source>
        <translation>只搜尋了最新的訊息：加上一個較長的詞（3 個字元以上）即可搜尋全部。</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all conversations</source>
        <translation>搜尋所有對話</translation>
    </message>
    <message>
        <source>Search messages and titles (中文 too)</source>
        <translation>搜尋訊息與標題（支援中文）</translation>
    </message>
    <message>
        <source>title</source>
        <translation>標題</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>找不到。</translation>
    </message>
    <message>
        <source>1 match.</source>
        <translation>1 個符合項。</translation>
    </message>
    <message>
        <source>{count} matches, newest first.</source>
        <translation>{count} 個符合項，最新的在前。</translation>
    </message>
    <message>
        <source>Only the newest messages were searched for words of one or two characters; add a longer word to search them all.</source>
        <translation>一兩個字的詞只在最新的訊息中搜尋；加上一個較長的詞即可搜尋全部。</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>回覆</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>搜尋失敗：{error}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Enter a URL that starts with http:// or https://.</source>
        <translation>請輸入以 http:// 或 https:// 開頭的 URL。</translation>
    </message>
    <message>
        <source>Enter a URL with a host and, if you give a port, a number from 1 to 65535 (for example http://127.0.0.1:1234/v1).</source>
        <translation>請輸入包含主機的 URL；如果填寫連接埠，須為 1 到 65535 之間的數字（例如 http://127.0.0.1:1234/v1）。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能為負數。</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>必須大於零。</translation>
    </message>
    <message>
        <source>“{label}” cannot be set to {value}.</source>
        <translation>「{label}」不能設為 {value}。</translation>
    </message>
    <message>
        <source>“{label}”: {problem}</source>
        <translation>「{label}」：{problem}</translation>
    </message>
    <message>
        <source>Could not save settings to {path}: {reason}</source>
        <translation>無法把設定儲存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Last open conversation</source>
        <translation>上次開啟的對話</translation>
    </message>
    <message>
        <source>Last used model</source>
        <translation>上次使用的模型</translation>
    </message>
    <message>
        <source>Window geometry</source>
        <translation>視窗位置和大小</translation>
    </message>
    <message>
        <source>Sidebar width</source>
        <translation>側欄寬度</translation>
    </message>
    <message>
        <source>Local-only mode: never contact a cloud service</source>
        <translation>僅本地模式：從不聯絡雲服務</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>貨幣</translation>
    </message>
    <message>
        <source>Exchange rate (units of your currency per US dollar)</source>
        <translation>匯率（每美元兌換你的貨幣數）</translation>
    </message>
    <message>
        <source>Baseline cloud model (PROVIDER:MODEL)</source>
        <translation>基準雲端模型（服務商:模型）</translation>
    </message>
    <message>
        <source>Model the baseline provider&apos;s prompt-cache discount</source>
        <translation>計入基準服務商的提示詞緩存摺扣</translation>
    </message>
    <message>
        <source>Electricity price per kWh</source>
        <translation>每千瓦時電價</translation>
    </message>
    <message>
        <source>Power while generating, in watts (when it cannot be measured)</source>
        <translation>生成時的功率，單位瓦（無法實測時使用）</translation>
    </message>
    <message>
        <source>Hardware cost</source>
        <translation>硬體成本</translation>
    </message>
    <message>
        <source>Hardware purchase date</source>
        <translation>硬體購買日期</translation>
    </message>
    <message>
        <source>Spread the hardware cost over (months, 0 = off)</source>
        <translation>硬體成本攤銷月數（0 = 關閉）</translation>
    </message>
    <message>
        <source>Days per month (calculator)</source>
        <translation>每月天數（計算器）</translation>
    </message>
    <message>
        <source>Base URL for Anthropic</source>
        <translation>Anthropic 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for OpenAI</source>
        <translation>OpenAI 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for DeepSeek</source>
        <translation>DeepSeek 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Zhipu GLM (bigmodel.cn)</source>
        <translation>智譜 GLM（bigmodel.cn）的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Z.ai GLM</source>
        <translation>Z.ai GLM 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Alibaba Qwen (DashScope)</source>
        <translation>阿里通義千問（DashScope）的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Volcano Engine Ark (Doubao)</source>
        <translation>火山引擎方舟（豆包）的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Moonshot Kimi</source>
        <translation>月之暗面 Kimi 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for OpenRouter</source>
        <translation>OpenRouter 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Custom (OpenAI-compatible)</source>
        <translation>自定義（OpenAI 相容）的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for LM Studio</source>
        <translation>LM Studio 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for llama.cpp server</source>
        <translation>llama.cpp 伺服器的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for Jan</source>
        <translation>Jan 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for vLLM</source>
        <translation>vLLM 的基礎 URL</translation>
    </message>
    <message>
        <source>Base URL for text-generation-webui</source>
        <translation>text-generation-webui 的基礎 URL</translation>
    </message>
    <message>
        <source>Last cloud provider</source>
        <translation>上次使用的雲服務商</translation>
    </message>
    <message>
        <source>Last cloud model</source>
        <translation>上次使用的雲端模型</translation>
    </message>
    <message>
        <source>Your prices per model (JSON list)</source>
        <translation>你為各模型設定的價格（JSON 清單）</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外觀</translation>
    </message>
    <message>
        <source>Other local servers (one address a line)</source>
        <translation>其他本機伺服器（每行一個位址）</translation>
    </message>
    <message>
        <source>Download models from</source>
        <translation>模型下載來源</translation>
    </message>
    <message>
        <source>Closing the window keeps Hearth in the tray</source>
        <translation>關閉視窗時讓 Hearth 留在系統匣中</translation>
    </message>
    <message>
        <source>Told where Hearth went</source>
        <translation>已告知 Hearth 的去向</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>System prompt for new conversations</source>
        <translation>新對話的系統提示詞</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>USD</translation>
    </message>
    <message>
        <source>CNY</source>
        <translation>CNY</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>GBP</source>
        <translation>GBP</translation>
    </message>
    <message>
        <source>JPY</source>
        <translation>JPY</translation>
    </message>
    <message>
        <source>system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <source>light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>ollama</source>
        <translation>Ollama 模型庫</translation>
    </message>
    <message>
        <source>modelscope</source>
        <translation>魔搭 ModelScope</translation>
    </message>
    <message>
        <source>huggingface</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>en</source>
        <translation>English</translation>
    </message>
    <message>
        <source>zh_CN</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <source>zh_TW</source>
        <translation>繁體中文</translation>
    </message>
    <message>
        <source>A system prompt can be at most {limit} characters (this one: {count}).</source>
        <translation>系統提示詞最多 {limit} 個字元（目前：{count}）。</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>不是可選的選項之一。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>鍵盤快速鍵</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>篩選</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>動作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按鍵</translation>
    </message>
</context>
<context>
    <name>ShortcutsFeature</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>鍵盤快速鍵(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Hearth recovered your database</source>
        <translation>Hearth 已復原你的資料庫</translation>
    </message>
    <message>
        <source>Hearth cannot start</source>
        <translation>Hearth 無法啟動</translation>
    </message>
    <message>
        <source>Hearth cannot open its database</source>
        <translation>Hearth 無法開啟它的資料庫</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database at {path} was written by a newer version of Hearth (schema {found}, this version understands {known}).</source>
        <translation>位於 {path} 的資料庫由較新版本的 Hearth 寫入（架構版本 {found}，此版本支援 {known}）。</translation>
    </message>
    <message>
        <source>Update Hearth, or set HEARTH_DATA_DIR to use another folder.</source>
        <translation>請更新 Hearth，或設定 HEARTH_DATA_DIR 以使用另一個資料夾。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation>存放 {path} 的磁碟已滿。</translation>
    </message>
    <message>
        <source>Free some space on that disk; everything saved before is safe.</source>
        <translation>請在該磁碟上釋放一些空間；先前儲存的內容都安然無恙。</translation>
    </message>
    <message>
        <source>Hearth cannot write to {path}.</source>
        <translation>Hearth 無法寫入 {path}。</translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions, or set HEARTH_DATA_DIR.</source>
        <translation>請檢查該資料夾的許可權，或設定 HEARTH_DATA_DIR。</translation>
    </message>
    <message>
        <source>The database {path} is locked by another program.</source>
        <translation>資料庫 {path} 被另一個程式鎖定。</translation>
    </message>
    <message>
        <source>Close other copies of Hearth and try again.</source>
        <translation>請關閉其他正在執行的 Hearth 後重試。</translation>
    </message>
    <message>
        <source>The database {path} is damaged.</source>
        <translation>資料庫 {path} 已損毀。</translation>
    </message>
    <message>
        <source>Restart Hearth to recover what can be read from it.</source>
        <translation>請重新啟動 Hearth，以復原其中可讀取的內容。</translation>
    </message>
    <message>
        <source>The database {path} could not be used.</source>
        <translation>無法使用資料庫 {path}。</translation>
    </message>
    <message>
        <source>Hearth cannot create its data folder {path}.</source>
        <translation>Hearth 無法建立資料資料夾 {path}。</translation>
    </message>
    <message>
        <source>Hearth could not set it aside ({reason}). Check the folder {folder}.</source>
        <translation>Hearth 無法將其移到一旁（{reason}）。請檢查資料夾 {folder}。</translation>
    </message>
    <message>
        <source>Recovered messages</source>
        <translation>復原的訊息</translation>
    </message>
    <message>
        <source>Hearth&apos;s database {database} was damaged. The damaged file is kept, unchanged, at:
{kept}

What could be read was recovered into a new database: {conversations} conversations, {messages} messages and {usage} usage records.</source>
        <translation>Hearth 的資料庫 {database} 已損毀。損毀的檔案已原樣保留在：
{kept}

可讀取的內容已復原到新的資料庫中：{conversations} 個對話、{messages} 則訊息和 {usage} 筆用量紀錄。</translation>
    </message>
    <message>
        <source>{count} messages whose conversation was lost are in a conversation named “Recovered messages”.</source>
        <translation>所屬對話已遺失的 {count} 則訊息放在名為「復原的訊息」的對話中。</translation>
    </message>
    <message>
        <source>Nothing in the damaged file could be read.</source>
        <translation>損毀的檔案中沒有可讀取的內容。</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <source>System prompt</source>
        <translation>系統提示詞</translation>
    </message>
    <message>
        <source>Instructions the model follows throughout this conversation:</source>
        <translation>模型在整個對話中遵循的指示：</translation>
    </message>
    <message>
        <source>Use for new conversations</source>
        <translation>用於新對話</translation>
    </message>
    <message>
        <source>New conversations start with this prompt; existing ones keep their own.</source>
        <translation>新對話以此提示詞開始；現有的對話保留各自的提示詞。</translation>
    </message>
    <message>
        <source>This new conversation starts with your default prompt.</source>
        <translation>這個新對話以你的預設提示詞開始。</translation>
    </message>
</context>
<context>
    <name>ThinkControl</name>
    <message>
        <source>Think</source>
        <translation>思考</translation>
    </message>
    <message>
        <source>Think: low</source>
        <translation>思考：低</translation>
    </message>
    <message>
        <source>Think: medium</source>
        <translation>思考：中</translation>
    </message>
    <message>
        <source>Think: high</source>
        <translation>思考：高</translation>
    </message>
    <message>
        <source>How long the model thinks before it answers</source>
        <translation>模型回答前思考多久</translation>
    </message>
    <message>
        <source>The model thinks before it answers (click to turn off)</source>
        <translation>模型先思考再回答（按一下關閉）</translation>
    </message>
    <message>
        <source>The model answers without thinking first (click to turn on)</source>
        <translation>模型不思考直接回答（按一下開啟）</translation>
    </message>
</context>
<context>
    <name>ThinkingBlock</name>
    <message>
        <source>Thinking… {seconds} s</source>
        <translation>思考中… {seconds} 秒</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <source>Thoughts</source>
        <translation>思考過程</translation>
    </message>
    <message>
        <source>Thought for less than a second</source>
        <translation>思考了不到一秒</translation>
    </message>
    <message>
        <source>Thought for {seconds} s</source>
        <translation>思考了 {seconds} 秒</translation>
    </message>
    <message>
        <source>Thought for {minutes} min {seconds} s</source>
        <translation>思考了 {minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>Hide the thinking</source>
        <translation>隱藏思考過程</translation>
    </message>
    <message>
        <source>Show the thinking</source>
        <translation>顯示思考過程</translation>
    </message>
</context>
<context>
    <name>TrayFeature</name>
    <message>
        <source>&amp;Quick ask…</source>
        <translation>快速提問(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Show Hearth</source>
        <translation>顯示 Hearth(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新對話(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit Hearth</source>
        <translation>結束 Hearth(&amp;Q)</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>Hearth is still running</source>
        <translation>Hearth 仍在執行</translation>
    </message>
    <message>
        <source>Hearth keeps running in the tray (the menu bar on macOS) when you close its window. Click its icon to bring the window back, or choose Quit there to quit. You can change this in Preferences.</source>
        <translation>關閉視窗後，Hearth 會繼續在系統匣（macOS 上為選單列）中執行。按一下它的圖示即可叫回視窗，或在那裡選擇「結束」來結束。你可以在偏好設定中變更此行為。</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>The model name is empty.</source>
        <translation>模型名稱為空。</translation>
    </message>
    <message>
        <source>The model name is {length} characters long; at most {limit} work.</source>
        <translation>模型名稱長 {length} 個字元；最多只能 {limit} 個。</translation>
    </message>
    <message>
        <source>Check that the whole name was pasted only once.</source>
        <translation>請檢查名稱是否只貼上了一次。</translation>
    </message>
    <message>
        <source>The model name contains a space or control character (U+{code}).</source>
        <translation>模型名稱包含空格或控制字元（U+{code}）。</translation>
    </message>
    <message>
        <source>Model names look like llama3.2 or qwen3:8b.</source>
        <translation>模型名稱形如 llama3.2 或 qwen3:8b。</translation>
    </message>
    <message>
        <source>{what} is not a usable server address ({value}): {reason}.</source>
        <translation>{what} 不是可用的伺服器位址（{value}）：{reason}。</translation>
    </message>
    <message>
        <source>Use a form like http://127.0.0.1:11434 or http://[::1]:11434.</source>
        <translation>請使用 http://127.0.0.1:11434 或 http://[::1]:11434 這樣的格式。</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>連接埠必須是 1 到 65535 之間的數字</translation>
    </message>
    <message>
        <source>the address is malformed</source>
        <translation>位址格式錯誤</translation>
    </message>
    <message>
        <source>it must start with http:// or https://</source>
        <translation>必須以 http:// 或 https:// 開頭</translation>
    </message>
    <message>
        <source>the host name is missing</source>
        <translation>缺少主機名稱</translation>
    </message>
</context>
</TS>
