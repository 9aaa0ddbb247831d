<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdvancedDialog</name>
    <message>
        <source>Advanced options</source>
        <translation>高级选项</translation>
    </message>
    <message>
        <source>Options for this conversation with {model} ({engine}). Leave a field empty to use the engine&apos;s default.</source>
        <translation>此对话中 {model}（{engine}）的选项。留空则使用引擎的默认值。</translation>
    </message>
    <message>
        <source>engine default</source>
        <translation>引擎默认</translation>
    </message>
    <message>
        <source>Lower is steadier, higher more varied. 0 to 2 (Claude: 0 to 1).</source>
        <translation>越低越稳定，越高越多变。0 到 2（Claude：0 到 1）。</translation>
    </message>
    <message>
        <source>Only the most likely words whose chances add up to this.</source>
        <translation>只从概率累计达到此值的最可能的词中选择。</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>The same seed and question give the same reply again.</source>
        <translation>相同的种子和问题会再次得到相同的回复。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
    <message>
        <source>Engine defaults</source>
        <translation>引擎默认值</translation>
    </message>
    <message>
        <source>{tokens} tokens (set by {engine})</source>
        <translation>{tokens} 个 token（由 {engine} 设定）</translation>
    </message>
    <message>
        <source>set by {engine}</source>
        <translation>由 {engine} 设定</translation>
    </message>
    <message>
        <source>Default: {tokens} tokens</source>
        <translation>默认：{tokens} 个 token</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} 个 token</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <source>Memory for the context: {kv}{estimate}. The model then needs about {total} in all: {verdict}.</source>
        <translation>上下文所需内存：{kv}{estimate}。模型总共约需 {total}：{verdict}。</translation>
    </message>
    <message>
        <source>Claude takes a temperature from 0 to 1 (higher is sent as 1) and has no seed. Top P is sent only when no temperature is set. Some Claude models refuse sampling options; the reply then says so.</source>
        <translation>Claude 接受 0 到 1 的温度（更高的值按 1 发送），没有种子。仅在未设置温度时才发送 Top P。部分 Claude 模型拒绝采样选项，届时回复中会说明。</translation>
    </message>
    <message>
        <source>{engine} runs this model with a context of {tokens} tokens, set when the model is loaded: it cannot be changed from Hearth.</source>
        <translation>{engine} 以 {tokens} 个 token 的上下文运行此模型，在加载模型时设定，无法在 Hearth 中更改。</translation>
    </message>
    <message>
        <source>{engine} sets the context itself and does not say how large it is: it cannot be changed from Hearth.</source>
        <translation>{engine} 自行设定上下文且不告知其大小，无法在 Hearth 中更改。</translation>
    </message>
    <message>
        <source>Past the context, Ollama forgets the oldest messages without a warning. A larger context needs more memory.</source>
        <translation>超出上下文后，Ollama 会在没有任何提示的情况下遗忘最早的消息。更大的上下文需要更多内存。</translation>
    </message>
</context>
<context>
    <name>ApiKeysDialog</name>
    <message>
        <source>API keys</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation>（本地）</translation>
    </message>
    <message>
        <source>Paste the key here</source>
        <translation>在此粘贴密钥</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>保存密钥</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Delete key</source>
        <translation>删除密钥</translation>
    </message>
    <message>
        <source>Stored key:</source>
        <translation>已存密钥：</translation>
    </message>
    <message>
        <source>New key:</source>
        <translation>新密钥：</translation>
    </message>
    <message>
        <source>Base URL:</source>
        <translation>基础 URL：</translation>
    </message>
    <message>
        <source>Your price per million tokens:</source>
        <translation>你的价格（每百万 tokens）：</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>正在检查密钥环…</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>未存储密钥</translation>
    </message>
    <message>
        <source>Keyring unavailable</source>
        <translation>密钥环不可用</translation>
    </message>
    <message>
        <source>Paste a key first.</source>
        <translation>请先粘贴密钥。</translation>
    </message>
    <message>
        <source>Storing the key in the keyring…</source>
        <translation>正在把密钥存入密钥环…</translation>
    </message>
    <message>
        <source>Stored {masked}.</source>
        <translation>已存储 {masked}。</translation>
    </message>
    <message>
        <source>Delete the stored API key for {provider}?</source>
        <translation>删除已保存的 {provider} API 密钥？</translation>
    </message>
    <message>
        <source>Hearth cannot use {provider} again until you paste a key.</source>
        <translation>在你重新粘贴密钥之前，Hearth 将无法使用 {provider}。</translation>
    </message>
    <message>
        <source>Keep the key</source>
        <translation>保留密钥</translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation>密钥已删除。</translation>
    </message>
    <message>
        <source>No key stored.</source>
        <translation>未存储密钥。</translation>
    </message>
    <message>
        <source>Testing the connection to {provider}…</source>
        <translation>正在测试与 {provider} 的连接…</translation>
    </message>
</context>
<context>
    <name>AskCommand</name>
    <message>
        <source>ask a model and print the reply</source>
        <translation>向模型提问并打印回复</translation>
    </message>
    <message>
        <source>Send one message and stream the reply to standard output. The message and the reply are kept in Hearth&apos;s conversations, and the usage in its ledger. What would leave this computer is checked first: when private data is found nothing is sent and the exit status is 3, unless --redact or --send-anyway is given; in local-only mode any cloud is refused with exit status 4.</source>
        <translation>发送一条消息，并将回复以流式输出到标准输出。消息和回复会保存在 Hearth 的对话中，用量记入账本。离开本机的内容会先经过检查：发现隐私数据时不会发送任何内容，退出状态为 3，除非指定 --redact 或 --send-anyway；在仅本地模式下，任何云端都会被拒绝，退出状态为 4。</translation>
    </message>
    <message>
        <source>start a new conversation (the default)</source>
        <translation>开始新对话（默认）</translation>
    </message>
    <message>
        <source>continue this conversation, or the latest one</source>
        <translation>继续此对话，或最近的对话</translation>
    </message>
    <message>
        <source>the model to ask</source>
        <translation>要提问的模型</translation>
    </message>
    <message>
        <source>send to this cloud provider (e.g. anthropic, deepseek)</source>
        <translation>发送到此云服务商（例如 anthropic、deepseek）</translation>
    </message>
    <message>
        <source>if private data is found in what would leave this computer, replace it with labels such as [EMAIL] and send</source>
        <translation>如果离开本机的内容中发现隐私数据，将其替换为 [EMAIL] 之类的标签后发送</translation>
    </message>
    <message>
        <source>if private data is found, send it as written (think twice)</source>
        <translation>如果发现隐私数据，仍按原文发送（请三思）</translation>
    </message>
    <message>
        <source>print the conversation id, the reply and its usage</source>
        <translation>打印对话 ID、回复及其用量</translation>
    </message>
    <message>
        <source>the message; - or nothing reads it from standard input</source>
        <translation>消息内容；为 - 或留空时从标准输入读取</translation>
    </message>
    <message>
        <source>Give the message as an argument or on standard input.</source>
        <translation>请以参数或通过标准输入提供消息。</translation>
    </message>
    <message>
        <source>There is no conversation yet.</source>
        <translation>还没有任何对话。</translation>
    </message>
    <message>
        <source>“{value}” is not a conversation id.</source>
        <translation>“{value}”不是对话 ID。</translation>
    </message>
    <message>
        <source>There is no conversation {id}.</source>
        <translation>没有编号为 {id} 的对话。</translation>
    </message>
    <message>
        <source>Name the cloud model with --model.</source>
        <translation>请用 --model 指定云端模型。</translation>
    </message>
    <message>
        <source>No model is installed. Download one: hearth pull NAME</source>
        <translation>尚未安装任何模型。请下载一个：hearth pull 名称</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>消息为空。</translation>
    </message>
    <message>
        <source>Ask again with --provider {provider} --model {model}.</source>
        <translation>请改用 --provider {provider} --model {model} 再问一次。</translation>
    </message>
    <message>
        <source>hearth: not sent.</source>
        <translation>hearth：未发送。</translation>
    </message>
    <message>
        <source>hearth: the reply could not be saved.</source>
        <translation>hearth：无法保存回复。</translation>
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
        <translation>移除图片</translation>
    </message>
</context>
<context>
    <name>Attachments</name>
    <message>
        <source>“{name}” is not an image Hearth can read.</source>
        <translation>“{name}”不是 Hearth 能读取的图片。</translation>
    </message>
    <message>
        <source>Attach a PNG, JPEG, GIF or WebP picture.</source>
        <translation>请附加 PNG、JPEG、GIF 或 WebP 图片。</translation>
    </message>
    <message>
        <source>The image could not be re-encoded.</source>
        <translation>无法重新编码该图片。</translation>
    </message>
    <message>
        <source>“{name}” is too large an image ({width} × {height} pixels).</source>
        <translation>“{name}”图片过大（{width} × {height} 像素）。</translation>
    </message>
    <message>
        <source>“{name}” is {size} MB; Hearth attaches images up to {limit} MB.</source>
        <translation>“{name}”有 {size} MB；Hearth 最多附加 {limit} MB 的图片。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
    </message>
    <message>
        <source>{model} cannot see images, so nothing was sent.</source>
        <translation>{model} 无法识别图片，因此没有发送任何内容。</translation>
    </message>
    <message>
        <source>Remove the image (×), or choose a model that can see images.</source>
        <translation>请移除图片（×），或选择能识别图片的模型。</translation>
    </message>
    <message>
        <source>{model} cannot see images, so nothing was sent. Choose a model that can see images, or send the message without the image.</source>
        <translation>{model} 无法识别图片，因此没有发送任何内容。请选择能识别图片的模型，或不带图片发送这条消息。</translation>
    </message>
</context>
<context>
    <name>BranchControls</name>
    <message>
        <source>Delete this message? The messages after it stay.</source>
        <translation>删除这条消息？它之后的消息会保留。</translation>
    </message>
    <message>
        <source>Delete this version and what followed it ({count} messages in all)? The other versions stay.</source>
        <translation>删除这个版本及其后续内容（共 {count} 条消息）？其他版本会保留。</translation>
    </message>
    <message>
        <source>Delete message</source>
        <translation>删除消息</translation>
    </message>
    <message>
        <source>Usage already recorded stays in the savings ledger.</source>
        <translation>已记录的用量仍保留在节省账本中。</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation>编辑这条消息并重新发送</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete message…</source>
        <translation>删除消息…</translation>
    </message>
</context>
<context>
    <name>BranchPager</name>
    <message>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <source>Version {position} of {count}</source>
        <translation>第 {position} 个版本，共 {count} 个</translation>
    </message>
</context>
<context>
    <name>CalculatorDialog</name>
    <message>
        <source>Break-even calculator</source>
        <translation>回本计算器</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>每天请求数</translation>
    </message>
    <message>
        <source>Input tokens per request</source>
        <translation>每次请求的输入 token</translation>
    </message>
    <message>
        <source>Output tokens per request</source>
        <translation>每次请求的输出 token</translation>
    </message>
    <message>
        <source>Baseline model (PROVIDER:MODEL)</source>
        <translation>基准模型（服务商:模型）</translation>
    </message>
    <message>
        <source>…or price per million input tokens</source>
        <translation>…或每百万输入 token 的价格</translation>
    </message>
    <message>
        <source>…and per million output tokens</source>
        <translation>…以及每百万输出 token 的价格</translation>
    </message>
    <message>
        <source>…or price per request</source>
        <translation>…或每次请求的价格</translation>
    </message>
    <message>
        <source>Hardware cost</source>
        <translation>硬件成本</translation>
    </message>
    <message>
        <source>Power (watts)</source>
        <translation>功率（瓦）</translation>
    </message>
    <message>
        <source>Hours of use per day</source>
        <translation>每天使用小时数</translation>
    </message>
    <message>
        <source>Electricity price per kWh</source>
        <translation>每千瓦时电价</translation>
    </message>
    <message>
        <source>Exchange rate (per US dollar)</source>
        <translation>汇率（每美元）</translation>
    </message>
    <message>
        <source>Days per month</source>
        <translation>每月天数</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Reading your measured usage…</source>
        <translation>正在读取你实测的用量…</translation>
    </message>
    <message>
        <source>No local replies in the last 30 days yet: example values.</source>
        <translation>最近 30 天还没有本地回复：以下为示例值。</translation>
    </message>
    <message>
        <source>Pre-filled from your last %1 days of local replies.</source>
        <translation>已根据你最近 %1 天的本地回复预先填写。</translation>
    </message>
    <message>
        <source>never (no monthly saving)</source>
        <translation>永不（每月没有节省）</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1 个月</translation>
    </message>
    <message>
        <source>Cloud cost per month: %1
Electricity per month: %2
Net saving per month: %3
Break-even: %4
Price: %5</source>
        <translation>每月云端费用：%1
每月电费：%2
每月净节省：%3
回本：%4
价格：%5</translation>
    </message>
</context>
<context>
    <name>CatalogView</name>
    <message>
        <source>ModelScope and Hugging Face hold GGUF copies of many catalog models; Ollama downloads them by name. Models without a copy there come from the Ollama library.</source>
        <translation>魔搭 ModelScope 和 Hugging Face 上有许多目录模型的 GGUF 副本，Ollama 可以按名称下载。那里没有副本的模型从 Ollama 模型库下载。</translation>
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
        <translation>编程</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>vision</source>
        <translation>视觉</translation>
    </message>
    <message>
        <source>Everyday chat</source>
        <translation>日常聊天</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>编程</translation>
    </message>
    <message>
        <source>Images (vision)</source>
        <translation>图像（视觉）</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Good for</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>在本机上</translation>
    </message>
    <message>
        <source>Any model: qwen2.5:7b, hf.co/user/repo, or mirror:port/namespace/model:tag</source>
        <translation>任意模型：qwen2.5:7b、hf.co/user/repo 或 mirror:port/namespace/model:tag</translation>
    </message>
    <message>
        <source>Sizes from the Ollama library, compiled {date}.</source>
        <translation>大小取自 Ollama 模型库，整理于 {date}。</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Download from:</source>
        <translation>下载来源：</translation>
    </message>
    <message>
        <source>Sizes read from the Ollama registry now ({count} models).</source>
        <translation>大小刚从 Ollama 模型仓库读取（{count} 个模型）。</translation>
    </message>
    <message>
        <source>{bytes} bytes, from the registry</source>
        <translation>{bytes} 字节，来自模型仓库</translation>
    </message>
    <message>
        <source>about {size}, from the catalog of {date}</source>
        <translation>约 {size}，来自 {date} 的目录</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>测量中…</translation>
    </message>
</context>
<context>
    <name>Chat</name>
    <message>
        <source>Hearth failed while reading the reply: {error}</source>
        <translation>Hearth 读取回复时出错：{error}</translation>
    </message>
    <message>
        <source>Send to cloud</source>
        <translation>发送到云端</translation>
    </message>
    <message>
        <source>Start the conversation first; then you can send it to a cloud model.</source>
        <translation>请先开始对话；之后就可以把它发送给云端模型。</translation>
    </message>
    <message>
        <source>Nothing was sent: this request would leave the computer unchecked.</source>
        <translation>没有发送任何内容：这个请求会未经检查就离开本机。</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>This message no longer exists.</source>
        <translation>这条消息已不存在。</translation>
    </message>
    <message>
        <source>An edited message cannot be empty.</source>
        <translation>编辑后的消息不能为空。</translation>
    </message>
    <message>
        <source>Only your own messages can be edited.</source>
        <translation>只能编辑你自己发送的消息。</translation>
    </message>
    <message>
        <source>A reply is still being written here.</source>
        <translation>这里仍有一条回复正在生成。</translation>
    </message>
    <message>
        <source>This conversation no longer exists.</source>
        <translation>此对话已不存在。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择一个模型。</translation>
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
        <translation>新对话</translation>
    </message>
    <message>
        <source>Model for this conversation</source>
        <translation>此对话使用的模型</translation>
    </message>
    <message>
        <source>System prompt…</source>
        <translation>系统提示词…</translation>
    </message>
    <message>
        <source>Advanced…</source>
        <translation>高级…</translation>
    </message>
    <message>
        <source>Send to cloud…</source>
        <translation>发送到云端…</translation>
    </message>
    <message>
        <source>Return to local</source>
        <translation>回到本地</translation>
    </message>
    <message>
        <source>☁ This conversation goes to {provider} · {model}. Its replies are billed by the provider.</source>
        <translation>☁ 此对话发往 {provider} · {model}。其回复由服务商计费。</translation>
    </message>
    <message>
        <source>This conversation (about {tokens} tokens) is longer than {model} can read at once ({limit}). Earlier messages will be cut off — consider “Send to cloud…”.</source>
        <translation>此对话（约 {tokens} 个 token）超出了 {model} 一次能读取的长度（{limit}）。较早的消息会被截掉——可以考虑“发送到云端…”。</translation>
    </message>
    <message>
        <source>{model} cannot see images. Choose a vision model, or “Send to cloud…” to a model that can.</source>
        <translation>{model} 无法识别图像。请选择视觉模型，或“发送到云端…”交给能识别图像的模型。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>Not sent: your message is kept here.</source>
        <translation>未发送：你的消息保留在这里。</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>Something went wrong: {error}
Your message is still in the box.</source>
        <translation>出了点问题：{error}
你的消息仍在输入框中。</translation>
    </message>
    <message>
        <source>The reply is on screen but not saved yet: {reason}. Hearth keeps it and saves it as soon as it can.</source>
        <translation>回复已显示，但尚未保存：{reason}。Hearth 会保留它，并在可以时立即保存。</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>hearth: something went wrong: {error}</source>
        <translation>hearth：出了点问题：{error}</translation>
    </message>
</context>
<context>
    <name>Cloud</name>
    <message>
        <source>The key for {provider} was refused.</source>
        <translation>{provider} 拒绝了该密钥。</translation>
    </message>
    <message>
        <source>{provider} refused access: this key may not use {model}.</source>
        <translation>{provider} 拒绝访问：此密钥可能无权使用 {model}。</translation>
    </message>
    <message>
        <source>{provider} does not know the model “{model}”.</source>
        <translation>{provider} 不认识模型“{model}”。</translation>
    </message>
    <message>
        <source>{provider} is limiting requests. Try again later.</source>
        <translation>{provider} 正在限制请求。请稍后再试。</translation>
    </message>
    <message>
        <source>{provider} had a problem on its side. Try again in a moment.</source>
        <translation>{provider} 自身出现问题。请稍后再试。</translation>
    </message>
    <message>
        <source>{provider} did not answer in time.</source>
        <translation>{provider} 未能及时响应。</translation>
    </message>
    <message>
        <source>Could not reach {provider} at {url}.</source>
        <translation>无法连接到位于 {url} 的 {provider}。</translation>
    </message>
    <message>
        <source>The connection to {provider} ended before the reply was complete.</source>
        <translation>与 {provider} 的连接在回复完成前中断了。</translation>
    </message>
    <message>
        <source>{provider} stopped the reply with an error.</source>
        <translation>{provider} 因错误停止了回复。</translation>
    </message>
    <message>
        <source>Local-only mode is on, so Hearth will not contact {provider}.</source>
        <translation>已开启仅本地模式，Hearth 不会联系 {provider}。</translation>
    </message>
    <message>
        <source>{provider} rejected the request.</source>
        <translation>{provider} 拒绝了该请求。</translation>
    </message>
    <message>
        <source>{provider} is limiting requests. Try again in {seconds} seconds.</source>
        <translation>{provider} 正在限制请求。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>{provider} is overloaded right now. Try again soon.</source>
        <translation>{provider} 目前负载过高。请稍后再试。</translation>
    </message>
    <message>
        <source>this model</source>
        <translation>此模型</translation>
    </message>
    <message>
        <source>{message} The server said: {words}</source>
        <translation>{message} 服务器返回：{words}</translation>
    </message>
    <message>
        <source>No API key for {provider} is stored yet.</source>
        <translation>尚未存储 {provider} 的 API 密钥。</translation>
    </message>
    <message>
        <source>Choose a model for {provider}.</source>
        <translation>请为 {provider} 选择一个模型。</translation>
    </message>
    <message>
        <source>Connected to {provider}: {count} models available.</source>
        <translation>已连接到 {provider}：有 {count} 个模型可用。</translation>
    </message>
    <message>
        <source>Connected to {provider}.</source>
        <translation>已连接到 {provider}。</translation>
    </message>
    <message>
        <source>{provider} retired “{model}” on {date}; use “{successor}” instead.</source>
        <translation>{provider} 已于 {date} 停用“{model}”，请改用“{successor}”。</translation>
    </message>
    <message>
        <source>“{provider}” is not a provider Hearth knows.</source>
        <translation>“{provider}”不是 Hearth 认识的服务商。</translation>
    </message>
    <message>
        <source>Known providers: {ids}</source>
        <translation>已知的服务商：{ids}</translation>
    </message>
    <message>
        <source>{provider} has no base URL yet.</source>
        <translation>{provider} 还没有基础 URL。</translation>
    </message>
    <message>
        <source>Enter the server&apos;s base URL in Tools → API keys…</source>
        <translation>请在“工具 → API 密钥…”中填写服务器的基础 URL</translation>
    </message>
</context>
<context>
    <name>CloudFeature</name>
    <message>
        <source>API keys…</source>
        <translation>API 密钥…</translation>
    </message>
    <message>
        <source>Local-only mode</source>
        <translation>仅本地模式</translation>
    </message>
    <message>
        <source>Never contact a cloud service, whatever a conversation asks for.</source>
        <translation>无论对话要求什么，都不联系任何云服务。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Message — Enter to send, Shift+Enter for a new line</source>
        <translation>消息——按 Enter 发送，Shift+Enter 换行</translation>
    </message>
    <message>
        <source>Image…</source>
        <translation>图像…</translation>
    </message>
    <message>
        <source>Attach an image (vision models)</source>
        <translation>附加图像（视觉模型）</translation>
    </message>
    <message>
        <source>File…</source>
        <translation>文件…</translation>
    </message>
    <message>
        <source>Attach a text, code, PDF or Word file: its text goes with your message</source>
        <translation>附加文本、代码、PDF 或 Word 文件：其中的文字会随消息一起发送</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Attach an image</source>
        <translation>附加图像</translation>
    </message>
    <message>
        <source>This model cannot see images; choose a vision model to attach one</source>
        <translation>此模型无法识别图像；请选择视觉模型后再附加</translation>
    </message>
    <message>
        <source>{model} cannot see images: remove the image (×) or choose a vision model.</source>
        <translation>{model} 无法识别图片：请移除图片（×）或选择视觉模型。</translation>
    </message>
    <message>
        <source>This model cannot see images: remove the image (×) or choose a vision model.</source>
        <translation>此模型无法识别图片：请移除图片（×）或选择视觉模型。</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the reply and keep what arrived</source>
        <translation>停止回复并保留已收到的内容</translation>
    </message>
</context>
<context>
    <name>ContextBar</name>
    <message>
        <source>Raise context…</source>
        <translation>扩大上下文…</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <source>Hide this warning</source>
        <translation>隐藏此提醒</translation>
    </message>
    <message>
        <source>This conversation (about {tokens} tokens) no longer fits the {context}-token context the model runs with: it is already forgetting the earliest messages.</source>
        <translation>此对话（约 {tokens} 个 token）已超出模型运行时 {context} 个 token 的上下文：最早的消息已经被遗忘。</translation>
    </message>
    <message>
        <source>This conversation (about {tokens} tokens) has nearly filled the {context}-token context the model runs with. Past it, the earliest messages are forgotten without a warning.</source>
        <translation>此对话（约 {tokens} 个 token）即将占满模型运行时 {context} 个 token 的上下文。超出后，最早的消息会在没有提示的情况下被遗忘。</translation>
    </message>
</context>
<context>
    <name>ContextDialog</name>
    <message>
        <source>Conversation memory</source>
        <translation>对话记忆</translation>
    </message>
    <message>
        <source>How many tokens of this conversation {model} keeps in mind. Past that, the oldest messages are forgotten without a warning from the engine. A larger context needs more memory:</source>
        <translation>{model} 能记住这段对话的多少个 token。超过之后，最早的消息会被遗忘，引擎不会提醒。上下文越大，需要的内存越多：</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Memory for the context</source>
        <translation>上下文占用内存</translation>
    </message>
    <message>
        <source>Model needs in all</source>
        <translation>模型总共需要</translation>
    </message>
    <message>
        <source>On this machine</source>
        <translation>在这台电脑上</translation>
    </message>
    <message>
        <source>{tokens} tokens</source>
        <translation>{tokens} 个 token</translation>
    </message>
    <message>
        <source> (Ollama&apos;s default here)</source>
        <translation>（此电脑上 Ollama 的默认值）</translation>
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
        <translation>新对话</translation>
    </message>
    <message>
        <source>Filter by title</source>
        <translation>按标题筛选</translation>
    </message>
    <message>
        <source>Conversation list</source>
        <translation>对话列表</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>删除对话</translation>
    </message>
    <message>
        <source>Rename conversation</source>
        <translation>重命名对话</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>The conversation could not be deleted: {error}</source>
        <translation>无法删除此对话：{error}</translation>
    </message>
</context>
<context>
    <name>DefaultPromptEditor</name>
    <message>
        <source>New conversations start with this system prompt (empty: none). Conversations you already have keep their own.</source>
        <translation>新对话以此系统提示词开始（留空则没有）。已有的对话保留各自的提示词。</translation>
    </message>
    <message>
        <source>For example: Answer briefly, in Chinese.</source>
        <translation>例如：用中文简短回答。</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <source>check Ollama, the database and this machine</source>
        <translation>检查 Ollama、数据库和本机</translation>
    </message>
    <message>
        <source>Show what Hearth sees: its data, Ollama, the GPU, memory and keyring.</source>
        <translation>显示 Hearth 看到的情况：数据、Ollama、GPU、内存和密钥环。</translation>
    </message>
    <message>
        <source>Ollama server URL (default: OLLAMA_HOST or 127.0.0.1:11434)</source>
        <translation>Ollama 服务器 URL（默认：OLLAMA_HOST 或 127.0.0.1:11434）</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>尚未创建</translation>
    </message>
    <message>
        <source>cannot be read ({error})</source>
        <translation>无法读取（{error}）</translation>
    </message>
    <message>
        <source>schema {found} (this Hearth understands {known})</source>
        <translation>架构版本 {found}（此 Hearth 支持 {known}）</translation>
    </message>
    <message>
        <source>written by a newer Hearth</source>
        <translation>由较新版本的 Hearth 写入</translation>
    </message>
    <message>
        <source>DAMAGED: start Hearth to keep the file and recover what can be read</source>
        <translation>已损坏：请启动 Hearth，它会保留该文件并恢复可读取的内容</translation>
    </message>
    <message>
        <source>integrity check not finished in time</source>
        <translation>完整性检查未能及时完成</translation>
    </message>
    <message>
        <source>unavailable ({error})</source>
        <translation>不可用（{error}）</translation>
    </message>
    <message>
        <source>no usable keyring: cloud keys cannot be saved</source>
        <translation>没有可用的密钥环：无法保存云端密钥</translation>
    </message>
    <message>
        <source>insecure (keys would be a plain file)</source>
        <translation>不安全（密钥会以明文文件保存）</translation>
    </message>
    <message>
        <source>Ollama host</source>
        <translation>Ollama 主机</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>not reachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Ollama program</source>
        <translation>Ollama 程序</translation>
    </message>
    <message>
        <source>running, version {version}</source>
        <translation>运行中，版本 {version}</translation>
    </message>
    <message>
        <source>Installed models</source>
        <translation>已安装的模型</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Start it: open the Ollama app or run `ollama serve`. If it runs elsewhere, set OLLAMA_HOST or pass --host.</source>
        <translation>启动它：打开 Ollama 应用或运行 `ollama serve`。如果它在别处运行，请设置 OLLAMA_HOST 或传入 --host。</translation>
    </message>
    <message>
        <source>Download a model in Hearth&apos;s model library, or run `ollama pull llama3.2`.</source>
        <translation>在 Hearth 的模型库中下载一个模型，或运行 `ollama pull llama3.2`。</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Keyring</source>
        <translation>密钥环</translation>
    </message>
</context>
<context>
    <name>DocumentChip</name>
    <message>
        <source>Pages: {pages}</source>
        <translation>页数：{pages}</translation>
    </message>
    <message>
        <source>{empty} of them are scanned images without text; they are left out.</source>
        <translation>其中 {empty} 页是没有文字的扫描图像，已略过。</translation>
    </message>
    <message>
        <source>Read as {encoding}</source>
        <translation>按 {encoding} 编码读取</translation>
    </message>
    <message>
        <source>About {tokens} tokens are added to your message.</source>
        <translation>约 {tokens} 个 token 会加入你的消息。</translation>
    </message>
    <message>
        <source>{icon} {name} · {tokens} tokens</source>
        <translation>{icon} {name} · {tokens} 个 token</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
    <message>
        <source>Remove document</source>
        <translation>移除文档</translation>
    </message>
    <message>
        <source>⚠ With the documents this message is about {new} tokens and the conversation {used} more: {model} reads {limit} at once, so the start will be cut off. Remove a document, attach a part of it, or choose a model with a longer context.</source>
        <translation>⚠ 加上文档，这条消息约 {new} 个 token，对话另有 {used} 个：{model} 一次只能读取 {limit} 个，开头部分会被截掉。请移除一个文档、只附加其中一部分，或选择上下文更长的模型。</translation>
    </message>
    <message>
        <source>⚠ With the documents this message is about {new} tokens: {model} reads {limit} at once, so the start will be cut off. Remove a document, attach a part of it, or choose a model with a longer context.</source>
        <translation>⚠ 加上文档，这条消息约 {new} 个 token：{model} 一次只能读取 {limit} 个，开头部分会被截掉。请移除一个文档、只附加其中一部分，或选择上下文更长的模型。</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>[Attached: {name} · about {tokens} tokens]</source>
        <translation>[附件：{name} · 约 {tokens} 个 token]</translation>
    </message>
    <message>
        <source>“{name}” is {size} MB; Hearth attaches documents up to {limit} MB.</source>
        <translation>“{name}”有 {size} MB；Hearth 最多附加 {limit} MB 的文档。</translation>
    </message>
    <message>
        <source>Attach a smaller part of it, or the text alone.</source>
        <translation>请附加其中较小的一部分，或只附加文字。</translation>
    </message>
    <message>
        <source>“{name}” holds {chars} characters of text, more than any model reads at once.</source>
        <translation>“{name}”含有 {chars} 个字符，超过任何模型一次能读取的量。</translation>
    </message>
    <message>
        <source>Attach the part you want to ask about.</source>
        <translation>请只附加你想询问的部分。</translation>
    </message>
    <message>
        <source>“{name}” is damaged or not really a {kind} file.</source>
        <translation>“{name}”已损坏，或并不是真正的 {kind} 文件。</translation>
    </message>
    <message>
        <source>Open it in its own app and save it again, then attach it.</source>
        <translation>请用它原本的应用打开并重新保存，然后再附加。</translation>
    </message>
    <message>
        <source>“{name}” has no text in it.</source>
        <translation>“{name}”里没有文字。</translation>
    </message>
    <message>
        <source>“{name}” is not a text, PDF or Word document Hearth can read.</source>
        <translation>“{name}”不是 Hearth 能读取的文本、PDF 或 Word 文档。</translation>
    </message>
    <message>
        <source>“{name}” is an image-only PDF (scanned pages): it has no text layer to read.</source>
        <translation>“{name}”是纯图像 PDF（扫描页面）：没有可读取的文字层。</translation>
    </message>
    <message>
        <source>Run it through OCR first, or attach the pages as images for a vision model.</source>
        <translation>请先进行 OCR 文字识别，或把页面作为图片附加给视觉模型。</translation>
    </message>
    <message>
        <source>“{name}” is protected with a password.</source>
        <translation>“{name}”受密码保护。</translation>
    </message>
    <message>
        <source>Save an unprotected copy from your PDF reader and attach it.</source>
        <translation>请在 PDF 阅读器中另存一份不加密的副本再附加。</translation>
    </message>
    <message>
        <source>“{name}” is password-protected or an old Word (.doc) file.</source>
        <translation>“{name}”受密码保护，或是旧版 Word（.doc）文件。</translation>
    </message>
    <message>
        <source>Save it from Word as an unprotected .docx document, then attach it.</source>
        <translation>请在 Word 中将其另存为不加密的 .docx 文档，然后再附加。</translation>
    </message>
    <message>
        <source>“{name}” could not be read: {reason}</source>
        <translation>无法读取“{name}”：{reason}</translation>
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
        <translation>意外问题：{error}</translation>
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
        <translation>继续</translation>
    </message>
    <message>
        <source>Remove from list</source>
        <translation>从列表中移除</translation>
    </message>
    <message>
        <source>No progress — trying again in {seconds:.0f} s (attempt {n})</source>
        <translation>没有进展——{seconds:.0f} 秒后重试（第 {n} 次）</translation>
    </message>
    <message>
        <source>{speed}/s</source>
        <translation>{speed}/秒</translation>
    </message>
    <message>
        <source>{done} of {total} · {speed} · {eta} left · {status}</source>
        <translation>{done} / {total} · {speed} · 剩余 {eta} · {status}</translation>
    </message>
    <message>
        <source>{message} — Resume continues where it stopped.</source>
        <translation>{message}——“继续”会从中断处接着下载。</translation>
    </message>
</context>
<context>
    <name>DownloadsPanel</name>
    <message>
        <source>No downloads.</source>
        <translation>没有下载任务。</translation>
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
        <translation>正在开始…</translation>
    </message>
</context>
<context>
    <name>DraftKeeper</name>
    <message>
        <source>Your draft could not be saved ({reason}); it is still here.</source>
        <translation>草稿未能保存（{reason}）；它仍在输入框里。</translation>
    </message>
    <message>
        <source>Drafts from last time could not be read: {reason}</source>
        <translation>无法读取上次的草稿：{reason}</translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <source>Edit message</source>
        <translation>编辑消息</translation>
    </message>
    <message>
        <source>Send it again as a new version. The earlier version and its replies stay one click away (◀ ▶).</source>
        <translation>作为新版本重新发送。之前的版本及其回复仍可一键切换回去（◀ ▶）。</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <source>Type the message to send, or press Esc to cancel.</source>
        <translation>请输入要发送的消息，或按 Esc 取消。</translation>
    </message>
</context>
<context>
    <name>Egress</name>
    <message>
        <source>{model} is an Ollama cloud model: Ollama sends it to {host}.</source>
        <translation>{model} 是 Ollama 云端模型：Ollama 会把内容发送到 {host}。</translation>
    </message>
    <message>
        <source>{name} on this computer</source>
        <translation>本机上的 {name}</translation>
    </message>
    <message>
        <source>{name} on another computer ({host})</source>
        <translation>另一台电脑上的 {name}（{host}）</translation>
    </message>
    <message>
        <source>{name} ({host}), outside this computer</source>
        <translation>{name}（{host}），在本机之外</translation>
    </message>
    <message>
        <source>☁ {model} (Ollama cloud)</source>
        <translation>☁ {model}（Ollama 云端）</translation>
    </message>
    <message>
        <source>Runs on {host}, not on this computer: what you send is checked for private data first, and local-only mode blocks it.</source>
        <translation>在 {host} 上运行，而不是在本机：你发送的内容会先检查隐私数据，仅本地模式会阻止它。</translation>
    </message>
    <message>
        <source>Ollama runs on another computer: {host}</source>
        <translation>Ollama 运行在另一台电脑上：{host}</translation>
    </message>
</context>
<context>
    <name>EgressIndicator</name>
    <message>
        <source>🔒 Local only</source>
        <translation>🔒 仅本地</translation>
    </message>
    <message>
        <source>Local-only mode is on: nothing is sent off this computer — no cloud provider, no Ollama cloud model, no server elsewhere.</source>
        <translation>仅本地模式已开启：不会向本机以外发送任何内容——不使用云服务商、Ollama 云端模型或其他地方的服务器。</translation>
    </message>
    <message>
        <source>Your messages travel over the network to that computer; Hearth checks them for private data first.</source>
        <translation>你的消息会通过网络发送到那台电脑；Hearth 会先检查其中的隐私数据。</translation>
    </message>
</context>
<context>
    <name>EngineErrors</name>
    <message>
        <source>Could not reach the model server.</source>
        <translation>无法连接到模型服务器。</translation>
    </message>
    <message>
        <source>The model server took too long to answer.</source>
        <translation>模型服务器响应时间过长。</translation>
    </message>
    <message>
        <source>The API key was refused. Check it under Tools → API keys.</source>
        <translation>API 密钥被拒绝。请在“工具 → API 密钥”中检查。</translation>
    </message>
    <message>
        <source>This key is not allowed to use that model.</source>
        <translation>此密钥无权使用该模型。</translation>
    </message>
    <message>
        <source>This model has been retired. Choose “{successor}” in Send to cloud… to go on.</source>
        <translation>此模型已停用。请在“发送到云端…”中选择“{successor}”继续。</translation>
    </message>
    <message>
        <source>The model was not found. Pick another model or download this one.</source>
        <translation>找不到该模型。请选择其他模型，或下载这个模型。</translation>
    </message>
    <message>
        <source>Rate limited. Try again in {seconds} s.</source>
        <translation>请求受限。请在 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <source>Rate limited. Wait a moment and try again.</source>
        <translation>请求受限。请稍等片刻再试。</translation>
    </message>
    <message>
        <source>The server had a problem (it may be overloaded).</source>
        <translation>服务器出现问题（可能负载过高）。</translation>
    </message>
    <message>
        <source>The connection dropped before the reply was complete.</source>
        <translation>回复完成前连接就断开了。</translation>
    </message>
    <message>
        <source>Local-only mode is on: nothing is sent to a cloud service.</source>
        <translation>已开启仅本地模式：不会向任何云服务发送内容。</translation>
    </message>
    <message>
        <source>The model stopped with an error.</source>
        <translation>模型因错误而停止。</translation>
    </message>
    <message>
        <source>The request was refused.</source>
        <translation>请求被拒绝。</translation>
    </message>
    <message>
        <source>Server said:</source>
        <translation>服务器返回：</translation>
    </message>
</context>
<context>
    <name>Engines</name>
    <message>
        <source>The address</source>
        <translation>该地址</translation>
    </message>
    <message>
        <source>{address} is not on this computer or your local network. Hearth only adds local servers here (set up a cloud service in Tools → API keys…).</source>
        <translation>{address} 不在这台电脑或你的局域网上。这里只能添加本地服务器（云服务请在“工具 → API 密钥…”中设置）。</translation>
    </message>
    <message>
        <source>text-generation-webui is running but has no model loaded.</source>
        <translation>text-generation-webui 正在运行，但没有加载模型。</translation>
    </message>
    <message>
        <source>{engine} at {address} needs its API key: enter the key you set in {engine} in Tools → API keys… (provider {engine}).</source>
        <translation>{address} 上的 {engine} 需要 API 密钥：请在“工具 → API 密钥…”中（提供方 {engine}）输入你在 {engine} 里设置的密钥。</translation>
    </message>
    <message>
        <source>{address} is not a local address.</source>
        <translation>{address} 不是本地地址。</translation>
    </message>
</context>
<context>
    <name>EnginesPage</name>
    <message>
        <source>Set by the OLLAMA_HOST environment variable.</source>
        <translation>由 OLLAMA_HOST 环境变量设定。</translation>
    </message>
    <message>
        <source>Ollama address</source>
        <translation>Ollama 地址</translation>
    </message>
    <message>
        <source>LM Studio, llama.cpp, Jan, vLLM and text-generation-webui are found at their usual addresses by themselves; add a server here when it runs elsewhere, e.g. http://127.0.0.1:8081/v1.</source>
        <translation>LM Studio、llama.cpp、Jan、vLLM 和 text-generation-webui 在它们的常用地址上会被自动找到；服务器运行在别处时在这里添加，例如 http://127.0.0.1:8081/v1。</translation>
    </message>
    <message>
        <source>Local engines</source>
        <translation>本地引擎</translation>
    </message>
</context>
<context>
    <name>EscalationDialog</name>
    <message>
        <source>Send to cloud</source>
        <translation>发送到云端</translation>
    </message>
    <message>
        <source> (local)</source>
        <translation>（本地）</translation>
    </message>
    <message>
        <source>Set key…</source>
        <translation>设置密钥…</translation>
    </message>
    <message>
        <source>Checking for private data…</source>
        <translation>正在检查隐私数据…</translation>
    </message>
    <message>
        <source>Don&apos;t ask again in this conversation for these items</source>
        <translation>在此对话中不再询问这些项目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redact and send</source>
        <translation>脱敏后发送</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>Local-only mode is on: Hearth will not contact {provider}.</source>
        <translation>已开启仅本地模式：Hearth 不会联系 {provider}。</translation>
    </message>
    <message>
        <source>{provider} runs without an API key.</source>
        <translation>{provider} 无需 API 密钥即可运行。</translation>
    </message>
    <message>
        <source>Checking the keyring…</source>
        <translation>正在检查密钥环…</translation>
    </message>
    <message>
        <source>Using your stored key for {provider}.</source>
        <translation>正在使用你为 {provider} 存储的密钥。</translation>
    </message>
    <message>
        <source>No API key for {provider} is stored yet.</source>
        <translation>尚未存储 {provider} 的 API 密钥。</translation>
    </message>
    <message>
        <source>Loading the model list…</source>
        <translation>正在加载模型列表…</translation>
    </message>
    <message>
        <source>{count} models available.</source>
        <translation>有 {count} 个模型可用。</translation>
    </message>
    <message>
        <source>Showing Hearth&apos;s list of models, checked %1.</source>
        <translation>显示 Hearth 自带的模型列表（核对于 %1）。</translation>
    </message>
    <message>
        <source>Choose a model to see the cost.</source>
        <translation>选择一个模型以查看费用。</translation>
    </message>
    <message>
        <source>About {tokens} tokens of context. No API cost: it runs on your own server.</source>
        <translation>上下文约 {tokens} 个 token。无 API 费用：它运行在你自己的服务器上。</translation>
    </message>
    <message>
        <source>About {tokens} tokens of context. {problem}</source>
        <translation>上下文约 {tokens} 个 token。{problem}</translation>
    </message>
    <message>
        <source>Sending this conversation now: about {tokens} tokens ≈ {cost}. The reply costs {reply} per 1,000 tokens on top.</source>
        <translation>现在发送此对话：约 {tokens} 个 token ≈ {cost}。回复另按每 1,000 个 token {reply} 计费。</translation>
    </message>
    <message>
        <source>{provider} runs on this computer: nothing leaves it.</source>
        <translation>{provider} 在本机运行：没有内容离开本机。</translation>
    </message>
    <message>
        <source>{count} possibly private items would be sent. Redact replaces each with a label such as [EMAIL] in what is sent; your conversation keeps your words.</source>
        <translation>将发送 {count} 项可能的隐私内容。脱敏会在发送的内容中把每一项替换为 [EMAIL] 之类的标签；你的对话保留原文。</translation>
    </message>
    <message>
        <source>No private data found in this conversation.</source>
        <translation>此对话中未发现隐私数据。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Check that the folder exists and you may write to it.</source>
        <translation>请确认该文件夹存在且你有写入权限。</translation>
    </message>
    <message>
        <source>This file cannot be imported: {reason}</source>
        <translation>无法导入此文件：{reason}</translation>
    </message>
    <message>
        <source>Import takes a JSON file made by Hearth&apos;s “Export…” (JSON format).</source>
        <translation>导入需要 Hearth「导出…」生成的 JSON 文件（JSON 格式）。</translation>
    </message>
    <message>
        <source>{where}: “{name}” is missing or not the right kind.</source>
        <translation>{where}：“{name}”缺失或类型不对。</translation>
    </message>
    <message>
        <source>{where}: a time is missing.</source>
        <translation>{where}：缺少时间。</translation>
    </message>
    <message>
        <source>{where}: “{text}” is not a time.</source>
        <translation>{where}：“{text}”不是有效的时间。</translation>
    </message>
    <message>
        <source>it is not a text file.</source>
        <translation>它不是文本文件。</translation>
    </message>
    <message>
        <source>it is not valid JSON (line {line}, column {column}).</source>
        <translation>它不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <source>it is JSON, but not a Hearth conversation.</source>
        <translation>它是 JSON，但不是 Hearth 对话。</translation>
    </message>
    <message>
        <source>its version is missing or wrong.</source>
        <translation>它的版本缺失或有误。</translation>
    </message>
    <message>
        <source>it was made by a newer Hearth (format version {version}); update Hearth.</source>
        <translation>它由更新版本的 Hearth 生成（格式版本 {version}），请更新 Hearth。</translation>
    </message>
    <message>
        <source>it holds no conversation.</source>
        <translation>其中没有对话。</translation>
    </message>
    <message>
        <source>the conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <source>Imported conversation</source>
        <translation>导入的对话</translation>
    </message>
    <message>
        <source>message {number}</source>
        <translation>第 {number} 条消息</translation>
    </message>
    <message>
        <source>{where} is not an object.</source>
        <translation>{where}不是对象。</translation>
    </message>
    <message>
        <source>{where} has no known role.</source>
        <translation>{where}的角色无法识别。</translation>
    </message>
    <message>
        <source>{where}: an attachment is damaged.</source>
        <translation>{where}：附件已损坏。</translation>
    </message>
    <message>
        <source>{where}: its usage is damaged.</source>
        <translation>{where}：用量记录已损坏。</translation>
    </message>
    <message>
        <source>There are no conversations yet.</source>
        <translation>还没有任何对话。</translation>
    </message>
    <message>
        <source>“{which}” is not a conversation id or “last”.</source>
        <translation>“{which}”既不是对话编号，也不是“last”。</translation>
    </message>
    <message>
        <source>There is no conversation {id}.</source>
        <translation>没有编号为 {id} 的对话。</translation>
    </message>
    <message>
        <source>{input} tokens in, {output} out</source>
        <translation>输入 {input} 个 token，输出 {output} 个</translation>
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
        <translation>本地</translation>
    </message>
    <message>
        <source>You</source>
        <translation>你</translation>
    </message>
    <message>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <source>(failed: {error})</source>
        <translation>（失败：{error}）</translation>
    </message>
    <message>
        <source>Started {time}</source>
        <translation>开始于 {time}</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>网页 (*.html)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON, to import again (*.json)</source>
        <translation>JSON，可再次导入 (*.json)</translation>
    </message>
    <message>
        <source>Open a conversation to export it.</source>
        <translation>请先打开要导出的对话。</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <source>Exporting to {path}…</source>
        <translation>正在导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <source>Hearth conversation (*.json);;All files (*)</source>
        <translation>Hearth 对话 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>Conversation imported.</source>
        <translation>对话已导入。</translation>
    </message>
</context>
<context>
    <name>ExportCommand</name>
    <message>
        <source>write a conversation to a file</source>
        <translation>把对话写入文件</translation>
    </message>
    <message>
        <source>Export a conversation as Markdown, HTML, PDF or JSON, with its images, the model and usage of each reply, and any thinking. A JSON export can be imported again with “hearth import”.</source>
        <translation>将对话导出为 Markdown、HTML、PDF 或 JSON，包含图片、每条回复的模型和用量，以及思考过程。JSON 导出可用“hearth import”再次导入。</translation>
    </message>
    <message>
        <source>the conversation&apos;s id, or the latest one</source>
        <translation>对话编号，或 last 表示最近的对话</translation>
    </message>
    <message>
        <source>write to this file instead of the screen</source>
        <translation>写入此文件，而不是输出到屏幕</translation>
    </message>
    <message>
        <source>import a conversation from a JSON export</source>
        <translation>从 JSON 导出文件导入对话</translation>
    </message>
    <message>
        <source>Import a conversation exported as JSON by Hearth; it becomes a new conversation. Its usage is shown with it but not counted in this ledger.</source>
        <translation>导入 Hearth 导出的 JSON 对话，它会成为一个新对话。其用量会随之显示，但不计入本机账本。</translation>
    </message>
    <message>
        <source>hearth: --format pdf needs --out FILE</source>
        <translation>hearth：--format pdf 需要 --out 文件</translation>
    </message>
    <message>
        <source>{path} is too large to be a conversation.</source>
        <translation>{path} 太大，不可能是一个对话。</translation>
    </message>
    <message>
        <source>Could not read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>Imported “{title}” as conversation {id}.</source>
        <translation>已将“{title}”导入为对话 {id}。</translation>
    </message>
</context>
<context>
    <name>FileAttacher</name>
    <message>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>文档 ({patterns});;所有文件 (*)</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>附加图像</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.webp *.gif *.bmp)</translation>
    </message>
    <message>
        <source>Reading {count} file(s)…</source>
        <translation>正在读取 {count} 个文件…</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in this conversation</source>
        <translation>在此对话中查找</translation>
    </message>
    <message>
        <source>Previous match (Enter)</source>
        <translation>上一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Next match (Shift+Enter)</source>
        <translation>下一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>没有匹配</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>第 {current} 个，共 {total} 个</translation>
    </message>
</context>
<context>
    <name>Fit</name>
    <message>
        <source>runs on GPU</source>
        <translation>在 GPU 上运行</translation>
    </message>
    <message>
        <source>partly on GPU — slower</source>
        <translation>部分在 GPU 上——较慢</translation>
    </message>
    <message>
        <source>runs on CPU — slow</source>
        <translation>在 CPU 上运行——很慢</translation>
    </message>
    <message>
        <source>too large for this machine</source>
        <translation>对本机来说太大</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（估计）</translation>
    </message>
    <message>
        <source>Needs about {needed}:</source>
        <translation>大约需要 {needed}：</translation>
    </message>
    <message>
        <source>  weights {weights}</source>
        <translation>  权重 {weights}</translation>
    </message>
    <message>
        <source>  KV cache at {context} tokens {kv}{note}</source>
        <translation>  {context} 个 token 时的 KV 缓存 {kv}{note}</translation>
    </message>
    <message>
        <source>  runtime overhead {overhead}</source>
        <translation>  运行时开销 {overhead}</translation>
    </message>
    <message>
        <source>GPU memory available: {gpu}</source>
        <translation>可用 GPU 显存：{gpu}</translation>
    </message>
    <message>
        <source>All memory it may use: {total}</source>
        <translation>它可使用的全部内存：{total}</translation>
    </message>
    <message>
        <source>About {percent}% of the model fits on the GPU.</source>
        <translation>模型约有 {percent}% 能放进 GPU。</translation>
    </message>
</context>
<context>
    <name>FoldedLineDialog</name>
    <message>
        <source>Whole line ({count} characters)</source>
        <translation>整行内容（{count} 个字符）</translation>
    </message>
    <message>
        <source>Copy line</source>
        <translation>复制此行</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>A new language shows the next time Hearth starts.</source>
        <translation>新的语言将在下次启动 Hearth 时生效。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons, so closing the window always quits Hearth (nothing would bring a hidden window back).</source>
        <translation>此桌面不显示托盘图标，因此关闭窗口总会退出 Hearth（隐藏的窗口将无法找回）。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Restart Hearth to see the new language.</source>
        <translation>重新启动 Hearth 后即可看到新的语言。</translation>
    </message>
</context>
<context>
    <name>Hardware</name>
    <message>
        <source>no NVIDIA GPU (NVIDIA driver not found)</source>
        <translation>没有 NVIDIA GPU（未找到 NVIDIA 驱动）</translation>
    </message>
    <message>
        <source>NVIDIA driver installed but not loaded</source>
        <translation>已安装 NVIDIA 驱动但未加载</translation>
    </message>
    <message>
        <source>NVIDIA GPU could not be read: {reason}</source>
        <translation>无法读取 NVIDIA GPU：{reason}</translation>
    </message>
    <message>
        <source>no NVIDIA GPU</source>
        <translation>没有 NVIDIA GPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>GPU: {name}, {free} free of {total} VRAM (driver {driver})</source>
        <translation>GPU：{name}，显存 {total}，空闲 {free}（驱动 {driver}）</translation>
    </message>
    <message>
        <source>GPU: {status}</source>
        <translation>GPU：{status}</translation>
    </message>
    <message>
        <source>Chip: {chip}, {memory} unified memory</source>
        <translation>芯片：{chip}，统一内存 {memory}</translation>
    </message>
    <message>
        <source>RAM: {available} available of {total}</source>
        <translation>内存：共 {total}，可用 {available}</translation>
    </message>
    <message>
        <source>Models folder: {path} ({free} free)</source>
        <translation>模型文件夹：{path}（空闲 {free}）</translation>
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
        <translation>下载时间</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Asking Ollama…</source>
        <translation>正在询问 Ollama…</translation>
    </message>
    <message>
        <source>yes — {vram} on GPU</source>
        <translation>是——GPU 上 {vram}</translation>
    </message>
    <message>
        <source>{n} models installed.</source>
        <translation>已安装 {n} 个模型。</translation>
    </message>
    <message>
        <source>No models yet: pick one in the catalog and press Download.</source>
        <translation>还没有模型：在目录中选一个，然后点“下载”。</translation>
    </message>
    <message>
        <source>{name}: {family} {params} {quant}; context {context} tokens; can do: {caps}</source>
        <translation>{name}：{family} {params} {quant}；上下文 {context} 个 token；能力：{caps}</translation>
    </message>
    <message>
        <source>Delete model</source>
        <translation>删除模型</translation>
    </message>
    <message>
        <source>Delete {name}? Its files are removed; you can download it again.</source>
        <translation>删除 {name}？它的文件会被移除；之后可以重新下载。</translation>
    </message>
    <message>
        <source>Deleting {name}…</source>
        <translation>正在删除 {name}…</translation>
    </message>
</context>
<context>
    <name>Keys</name>
    <message>
        <source>No key was given on standard input.</source>
        <translation>标准输入中没有提供密钥。</translation>
    </message>
    <message>
        <source>API key for {provider} (input hidden): </source>
        <translation>{provider} 的 API 密钥（输入不显示）：</translation>
    </message>
    <message>
        <source>The keyring backend cannot be loaded: {error}</source>
        <translation>无法加载密钥环后端：{error}</translation>
    </message>
    <message>
        <source>Check PYTHON_KEYRING_BACKEND and keyring&apos;s configuration file (keyringrc.cfg), or unset them to use the system keyring.</source>
        <translation>请检查 PYTHON_KEYRING_BACKEND 和 keyring 的配置文件（keyringrc.cfg），或取消设置以使用系统密钥环。</translation>
    </message>
    <message>
        <source>Stored the key for {provider} ({masked}) in the keyring.</source>
        <translation>已把 {provider} 的密钥（{masked}）存入密钥环。</translation>
    </message>
    <message>
        <source>No API keys are stored.</source>
        <translation>未存储任何 API 密钥。</translation>
    </message>
    <message>
        <source>There is no stored key for {provider}.</source>
        <translation>没有存储 {provider} 的密钥。</translation>
    </message>
    <message>
        <source>Deleted the key for {provider}.</source>
        <translation>已删除 {provider} 的密钥。</translation>
    </message>
    <message>
        <source>On macOS the login Keychain is used; make sure you are logged in to a normal desktop session (not only over SSH).</source>
        <translation>在 macOS 上使用登录钥匙串；请确保你登录的是普通桌面会话（而不只是通过 SSH）。</translation>
    </message>
    <message>
        <source>On Windows the Credential Manager is used; run Hearth from your own Windows account, not a service account.</source>
        <translation>在 Windows 上使用凭据管理器；请用你自己的 Windows 账户运行 Hearth，而不是服务账户。</translation>
    </message>
    <message>
        <source>On Linux install and unlock a Secret Service keyring, e.g. GNOME Keyring (sudo apt install gnome-keyring) or KWallet, and run Hearth inside your desktop session. Remove keyrings.alt if it is installed: it stores secrets in plain files.</source>
        <translation>在 Linux 上请安装并解锁一个 Secret Service 密钥环，例如 GNOME Keyring（sudo apt install gnome-keyring）或 KWallet，并在桌面会话中运行 Hearth。如果装有 keyrings.alt，请将其卸载：它把机密存为明文文件。</translation>
    </message>
    <message>
        <source>No secure keyring is available, so Hearth will not store API keys (found: {found}).</source>
        <translation>没有可用的安全密钥环，因此 Hearth 不会存储 API 密钥（找到的是：{found}）。</translation>
    </message>
    <message>
        <source>The key is empty; nothing was stored.</source>
        <translation>密钥为空；未存储任何内容。</translation>
    </message>
    <message>
        <source>The key contains spaces or line breaks; nothing was stored.</source>
        <translation>密钥中含有空格或换行；未存储任何内容。</translation>
    </message>
    <message>
        <source>Paste exactly the key the provider showed you.</source>
        <translation>请原样粘贴服务商给你的密钥。</translation>
    </message>
    <message>
        <source>The keyring did not store the key for {provider}.</source>
        <translation>密钥环未能存储 {provider} 的密钥。</translation>
    </message>
    <message>
        <source>The keyring did not give out the key for {provider}.</source>
        <translation>密钥环未能取出 {provider} 的密钥。</translation>
    </message>
    <message>
        <source>The keyring did not delete the key for {provider}.</source>
        <translation>密钥环未能删除 {provider} 的密钥。</translation>
    </message>
    <message>
        <source>Is the keyring unlocked? The keyring said: {reason}</source>
        <translation>密钥环是否已解锁？密钥环返回：{reason}</translation>
    </message>
</context>
<context>
    <name>Ledger</name>
    <message>
        <source>Write the moment as YYYY-MM-DDTHH:MM (UTC).</source>
        <translation>请按 YYYY-MM-DDTHH:MM（UTC）填写时刻。</translation>
    </message>
    <message>
        <source>break-even calculator for local hardware</source>
        <translation>本地硬件的回本计算器</translation>
    </message>
    <message>
        <source>Monthly cloud cost against electricity, and the months until the hardware has paid for itself. Prices are in the chosen currency (per million tokens or per request); --fx is units of that currency per US dollar. Unset options come from your savings settings.</source>
        <translation>每月云端费用与电费的对比，以及硬件回本所需的月数。价格使用所选货币（每百万 token 或每次请求）；--fx 为每美元兑该货币的数额。未指定的选项取自你的节省设置。</translation>
    </message>
    <message>
        <source>price as of this moment, UTC (default: now)</source>
        <translation>按此时刻（UTC）的价格计算（默认：现在）</translation>
    </message>
    <message>
        <source>--output-price goes with --input-price, not with the others.</source>
        <translation>--output-price 要与 --input-price 一起使用，不能与其他选项搭配。</translation>
    </message>
    <message>
        <source>Cloud cost per month:       {v}</source>
        <translation>每月云端费用：     {v}</translation>
    </message>
    <message>
        <source>Electricity per month:      {v}</source>
        <translation>每月电费：         {v}</translation>
    </message>
    <message>
        <source>Net saving per month:       {v}</source>
        <translation>每月净节省：       {v}</translation>
    </message>
    <message>
        <source>Break-even:                 never (no monthly saving)</source>
        <translation>回本：             永不（每月没有节省）</translation>
    </message>
    <message>
        <source>Break-even:                 {m:.1f} months</source>
        <translation>回本：             {m:.1f} 个月</translation>
    </message>
    <message>
        <source>Price: {source}</source>
        <translation>价格：{source}</translation>
    </message>
    <message>
        <source>what local AI saved you in a month</source>
        <translation>本地 AI 一个月为你节省了多少</translation>
    </message>
    <message>
        <source>The monthly savings report: local and cloud replies, the all-cloud baseline, real costs, net and cumulative savings, payback.</source>
        <translation>月度节省报告：本地与云端回复、全云端基准、实际成本、净节省与累计节省、回本进度。</translation>
    </message>
    <message>
        <source>the month, YYYY-MM (default: this month)</source>
        <translation>月份，YYYY-MM（默认：本月）</translation>
    </message>
    <message>
        <source>write to this file instead of the screen</source>
        <translation>写入此文件而不是屏幕</translation>
    </message>
    <message>
        <source>No report was printed, because the recovered data may be incomplete. Run the same command again for the report from what was recovered.</source>
        <translation>未输出报告，因为恢复的数据可能不完整。再次运行同一命令即可得到基于已恢复数据的报告。</translation>
    </message>
    <message>
        <source>hearth: --format pdf needs --out FILE</source>
        <translation>hearth：--format pdf 需要 --out 文件</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Choose another baseline model or enter a custom price.</source>
        <translation>请选择另一个基准模型，或输入自定义价格。</translation>
    </message>
    <message>
        <source>{provider} {model} at each request&apos;s own date and hour (Hearth&apos;s price table of {checked}, in {currency}, over genai-prices {version})</source>
        <translation>{provider} {model}，按每次请求各自的日期和时段计价（Hearth 价格表，核对于 {checked}，以 {currency} 计，基于 genai-prices {version}）</translation>
    </message>
    <message>
        <source>{provider} {model} at each request&apos;s own date (genai-prices {version})</source>
        <translation>{provider} {model}，按每次请求当日的价格（genai-prices {version}）</translation>
    </message>
    <message>
        <source> — {retired}</source>
        <translation>——{retired}</translation>
    </message>
    <message>
        <source>, with your own price from {date}</source>
        <translation>，自 {date} 起使用你设定的价格</translation>
    </message>
    <message>
        <source>, with the provider&apos;s prompt-cache discount modelled</source>
        <translation>，并计入服务商的提示词缓存折扣</translation>
    </message>
    <message>
        <source>your custom price: {input} per million input tokens, {output} per million output tokens, {request} per request</source>
        <translation>你的自定义价格：每百万输入 token {input}，每百万输出 token {output}，每次请求 {request}</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>每天请求数</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>Hardware cost</source>
        <translation>硬件成本</translation>
    </message>
    <message>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <source>Electricity price</source>
        <translation>电价</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>{label} must not be negative.</source>
        <translation>{label} 不能为负数。</translation>
    </message>
    <message>
        <source>Hours per day must be between 0 and 24.</source>
        <translation>每天小时数必须在 0 到 24 之间。</translation>
    </message>
    <message>
        <source>The exchange rate must be greater than zero.</source>
        <translation>汇率必须大于零。</translation>
    </message>
    <message>
        <source>Days per month must be between 1 and 31.</source>
        <translation>每月天数必须在 1 到 31 之间。</translation>
    </message>
    <message>
        <source>your price per request</source>
        <translation>你的每次请求价格</translation>
    </message>
    <message>
        <source>your prices per million tokens</source>
        <translation>你的每百万 token 价格</translation>
    </message>
    <message>
        <source>Give the baseline model as PROVIDER:MODEL.</source>
        <translation>请以 服务商:模型 的形式填写基准模型。</translation>
    </message>
    <message>
        <source>In {month} you had {local} local and {cloud} billed cloud replies. On the baseline cloud model the same work would have cost {baseline}; you spent {cloud_spend} on cloud replies, {electricity} on electricity and {amortization} on hardware amortization, so you saved {saved}. Saved so far in all: {cumulative}.</source>
        <translation>{month} 你共有 {local} 条本地回复和 {cloud} 条计费的云端回复。同样的工作若用基准云端模型需花费 {baseline}；你在云端回复上花了 {cloud_spend}，电费 {electricity}，硬件摊销 {amortization}，因此节省了 {saved}。累计已节省：{cumulative}。</translation>
    </message>
    <message>
        <source>{count} attempts failed and are not counted as replies.</source>
        <translation>{count} 次尝试失败，未计为回复。</translation>
    </message>
    <message>
        <source>Enter the hardware cost in Savings settings to see payback.</source>
        <translation>在“节省设置”中填写硬件成本即可查看回本进度。</translation>
    </message>
    <message>
        <source>Your hardware has paid for itself ({percent}%).</source>
        <translation>你的硬件已经回本（{percent}%）。</translation>
    </message>
    <message>
        <source>Your hardware is {percent}% paid back; not enough data yet to project when it will be (a projection needs {days} days of use).</source>
        <translation>你的硬件已回本 {percent}%；数据尚不足，暂无法预测何时回本（预测需要 {days} 天的使用记录）。</translation>
    </message>
    <message>
        <source>Your hardware is {percent}% paid back; at the recent rate it never will be.</source>
        <translation>你的硬件已回本 {percent}%；按最近的速度，永远无法回本。</translation>
    </message>
    <message>
        <source>Your hardware is {percent}% paid back; at the recent rate it will be on {date}.</source>
        <translation>你的硬件已回本 {percent}%；按最近的速度，将于 {date} 回本。</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
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
        <translation>按你设定的汇率 {rate} {currency}/美元换算</translation>
    </message>
    <message>
        <source>{measured} replies measured (NVIDIA energy counter or power samples, Apple&apos;s IOReport counters); at {price} per kWh.</source>
        <translation>{measured} 条回复为实测（NVIDIA 能耗计数器或功率采样、Apple 的 IOReport 计数器）；电价每千瓦时 {price}。</translation>
    </message>
    <message>
        <source>{count} estimated at the wattage set when they were recorded ({watts}) × time.</source>
        <translation>{count} 条按记录时设定的功率（{watts}）× 时长估算。</translation>
    </message>
    <message>
        <source>{count} recorded without an energy figure, estimated at your current {watts} W × time.</source>
        <translation>{count} 条记录时没有能耗数据，按你当前设定的 {watts} W × 时长估算。</translation>
    </message>
    <message>
        <source>{count} failed attempts used no energy (the engine produced nothing).</source>
        <translation>{count} 次失败的尝试不计能耗（引擎没有产生任何内容）。</translation>
    </message>
    <message>
        <source>{local} local replies ({stopped} stopped early) and {cloud} billed cloud replies ({cut} cut streams billed by estimate); apart from them {cloud_failed} cloud attempts billed nothing (errors before any reply) and {local_failed} local attempts failed.</source>
        <translation>{local} 条本地回复（其中 {stopped} 条提前停止）和 {cloud} 条计费的云端回复（其中 {cut} 条中断的流按估算计费）；此外还有 {cloud_failed} 次云端尝试未计费（在任何回复之前出错），{local_failed} 次本地尝试失败。</translation>
    </message>
    <message>
        <source>Local: {local} tokens, the full context of every request (what a cloud bills each turn); {local_reported} as the server reported, {local_estimated} Hearth&apos;s estimate where the server counted less. Cloud: {cloud} tokens, {cloud_reported} as the provider reported, {cloud_estimated} estimated.</source>
        <translation>本地：{local} 个 tokens，即每次请求的完整上下文（云端每轮都会计费的部分）；{local_reported} 个按服务器报告，{local_estimated} 个在服务器计数偏少时采用 Hearth 的估算。云端：{cloud} 个 tokens，{cloud_reported} 个按服务商报告，{cloud_estimated} 个为估算。</translation>
    </message>
    <message>
        <source>Local: {local} tokens ({local_estimated} estimated from the text). Cloud: {cloud} tokens ({cloud_estimated} estimated).</source>
        <translation>本地：{local} 个 tokens（其中 {local_estimated} 个由文本估算）。云端：{cloud} 个 tokens（其中 {cloud_estimated} 个为估算）。</translation>
    </message>
    <message>
        <source>What each provider&apos;s reported usage cost at the time of the reply; {estimated} replies priced from Hearth&apos;s estimate (cut or stopped streams, no usage report); {unpriced} cloud replies had no known price.</source>
        <translation>按各服务商报告的用量在回复当时的价格计算；{estimated} 条回复按 Hearth 的估算计价（流中断或被停止、没有用量报告）；{unpriced} 条云端回复没有已知价格。</translation>
    </message>
    <message>
        <source>Hardware cost {cost} spread evenly over {months} months from {date}, counted up to {now}.</source>
        <translation>硬件费用 {cost} 自 {date} 起平均分摊到 {months} 个月，计至 {now}。</translation>
    </message>
    <message>
        <source>Savings before amortization since the purchase date, against the hardware cost; projected at the average of the last {days} days, today included.</source>
        <translation>自购买日起未计摊销的节省额与硬件费用相比；按最近 {days} 天（含今天）的平均值预测。</translation>
    </message>
    <message>
        <source>Local replies priced at {baseline}; cloud replies as billed.</source>
        <translation>本地回复按 {baseline} 计价；云端回复按实际账单。</translation>
    </message>
    <message>
        <source>Prompt-cache discount: modelled.</source>
        <translation>提示词缓存折扣：已计入。</translation>
    </message>
    <message>
        <source>Prompt-cache discount: not modelled.</source>
        <translation>提示词缓存折扣：未计入。</translation>
    </message>
    <message>
        <source>Not included (no amortization period set).</source>
        <translation>未计入（未设置摊销期）。</translation>
    </message>
    <message>
        <source>All-cloud baseline: every local reply is priced as if the baseline cloud model had answered it. A cloud bills the whole conversation as input on every turn, so the input is the full context Hearth sent, not the smaller count a local server may report after its prompt cache. Prices are genai-prices&apos; at each request&apos;s own time (prices change, long contexts cost more per token). Failed replies are not in the baseline; cloud replies count at what they cost.</source>
        <translation>全云端基准：每次本地回复都按假如由基准云端模型回答来计价。云端每一轮都把整个对话作为输入计费，所以输入是 Hearth 发送的完整上下文，而不是本地服务器在提示词缓存后可能报告的较小数字。价格取自 genai-prices 在每次请求当时的价格（价格会变，长上下文每 token 更贵）。失败的回复不计入基准；云端回复按实际花费计。</translation>
    </message>
    <message>
        <source>Real cost: cloud replies as billed, plus electricity for local replies (energy measured by the GPU when possible, else your configured watts × the reply&apos;s time, marked as estimated), plus hardware amortization if you set it.</source>
        <translation>实际成本：云端回复按账单计，加上本地回复的电费（尽可能由 GPU 实测能耗，否则按你设定的功率 × 回复时间，并标为估算），如已设置，再加上硬件摊销。</translation>
    </message>
    <message>
        <source>Saved = baseline − real cost, per reply, per day and per month; the cumulative figure adds every month so far. Payback compares savings before amortization with the hardware cost.</source>
        <translation>节省 = 基准 − 实际成本，按每次回复、每天和每月计算；累计数字加总至今的每个月。回本进度把摊销前的节省与硬件成本相比较。</translation>
    </message>
    <message>
        <source>Days are counted in the time zone {zone}.</source>
        <translation>日期按时区 {zone} 计算。</translation>
    </message>
    <message>
        <source>Cloud reply, as billed: {source}</source>
        <translation>云端回复，按账单：{source}</translation>
    </message>
    <message>
        <source>no known price</source>
        <translation>无已知价格</translation>
    </message>
    <message>
        <source>{tokens} context tokens and {output} output tokens priced at {baseline}; </source>
        <translation>{tokens} 个上下文 token 和 {output} 个输出 token，按 {baseline} 计价；</translation>
    </message>
    <message>
        <source>energy estimated at your current {watts} W.</source>
        <translation>能耗按你当前设定的 {watts} W 估算。</translation>
    </message>
    <message>
        <source>no energy: the engine produced nothing.</source>
        <translation>不计能耗：引擎没有产生任何内容。</translation>
    </message>
    <message>
        <source>energy estimated at {watts} W, the wattage set when it was recorded.</source>
        <translation>能耗按记录时设定的 {watts} W 估算。</translation>
    </message>
    <message>
        <source>energy measured ({source}).</source>
        <translation>能耗为实测（{source}）。</translation>
    </message>
    <message>
        <source>Write the month as YYYY-MM, e.g. 2025-03.</source>
        <translation>请按 YYYY-MM 填写月份，例如 2025-03。</translation>
    </message>
    <message>
        <source>Write the baseline as PROVIDER:MODEL, e.g. {example}.</source>
        <translation>请按 服务商:模型 填写基准，例如 {example}。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, or leave it empty.</source>
        <translation>请按 YYYY-MM-DD 填写日期，或留空。</translation>
    </message>
    <message>
        <source>Must be between 0 (off) and 600 months.</source>
        <translation>必须在 0（关闭）到 600 个月之间。</translation>
    </message>
    <message>
        <source>Must be between 1 and 31 days.</source>
        <translation>必须在 1 到 31 天之间。</translation>
    </message>
    <message>
        <source>Local replies</source>
        <translation>本地回复</translation>
    </message>
    <message>
        <source>All-cloud baseline</source>
        <translation>全云端基准</translation>
    </message>
    <message>
        <source>Cloud spend</source>
        <translation>云端花费</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Hardware amortization</source>
        <translation>硬件摊销</translation>
    </message>
    <message>
        <source>Net saved</source>
        <translation>净节省</translation>
    </message>
    <message>
        <source>Cumulative saved</source>
        <translation>累计节省</translation>
    </message>
    <message>
        <source>Hearth savings report — {month}</source>
        <translation>Hearth 节省报告——{month}</translation>
    </message>
    <message>
        <source>Cloud replies (billed)</source>
        <translation>云端回复（已计费）</translation>
    </message>
    <message>
        <source>Failed attempts (billed nothing)</source>
        <translation>失败的尝试（未计费）</translation>
    </message>
    <message>
        <source>Local tokens (input / output)</source>
        <translation>本地 tokens（输入 / 输出）</translation>
    </message>
    <message>
        <source>Cloud tokens (input / output)</source>
        <translation>云端 tokens（输入 / 输出）</translation>
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
        <translation>云端</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>Real cost</source>
        <translation>实际成本</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>节省</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>每日明细</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Where the figures come from</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>How this is computed</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Could not write the PDF to {path}.</source>
        <translation>无法把 PDF 写入 {path}。</translation>
    </message>
    <message>
        <source>Check that the folder exists and you may write to it.</source>
        <translation>请检查该文件夹是否存在，以及你是否有写入权限。</translation>
    </message>
    <message>
        <source>{currency} amounts shown as billed, without conversion.</source>
        <translation>{currency} 金额按账单原样显示，未做换算。</translation>
    </message>
    <message>
        <source>{currency} amounts converted at {rate} {currency} per US dollar.</source>
        <translation>{currency} 金额按每美元 {rate} {currency} 换算。</translation>
    </message>
    <message>
        <source>That is Hearth&apos;s starting value; choose that currency to set your own.</source>
        <translation>这是 Hearth 的初始汇率；选择该货币即可设定你自己的汇率。</translation>
    </message>
</context>
<context>
    <name>LedgerCharts</name>
    <message>
        <source>Saved</source>
        <translation>节省</translation>
    </message>
    <message>
        <source>Saved per day ({currency})</source>
        <translation>每日节省（{currency}）</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>没有数据</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>云端</translation>
    </message>
    <message>
        <source>Saved per day</source>
        <translation>每日节省</translation>
    </message>
    <message>
        <source>Replies: local and cloud</source>
        <translation>回复：本地与云端</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Top models by replies</source>
        <translation>回复最多的模型</translation>
    </message>
</context>
<context>
    <name>LedgerSettingsDialog</name>
    <message>
        <source>Savings settings</source>
        <translation>节省设置</translation>
    </message>
    <message>
        <source>Prices, electricity and hardware are in your currency; the exchange rate converts published US-dollar prices. Hearth never fetches live rates.</source>
        <translation>价格、电费和硬件都使用你的货币；汇率用于换算以美元公布的价格。Hearth 从不在线获取实时汇率。</translation>
    </message>
    <message>
        <source>Write the baseline as PROVIDER:MODEL to set your own price for it.</source>
        <translation>将基准写成 PROVIDER:MODEL，即可为它设置你自己的价格。</translation>
    </message>
    <message>
        <source>Your own price for %1 (any currency, from a date on; also in Tools → API keys):</source>
        <translation>你为 %1 设置的价格（任意货币，可指定生效日期；也可在“工具 → API 密钥”中设置）：</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>The model catalog is missing from this installation.</source>
        <translation>此安装中缺少模型目录。</translation>
    </message>
    <message>
        <source>Reinstall Hearth; you can still download a model by name.</source>
        <translation>请重新安装 Hearth；你仍可以按名称下载模型。</translation>
    </message>
    <message>
        <source>The model catalog {path} could not be read.</source>
        <translation>无法读取模型目录 {path}。</translation>
    </message>
    <message>
        <source>“{name}” is not a model name Ollama can download.</source>
        <translation>“{name}”不是 Ollama 可以下载的模型名称。</translation>
    </message>
    <message>
        <source>Use a name like qwen2.5:7b, user/model, or hf.co/user/repo (a mirror host works too: host:port/namespace/model:tag).</source>
        <translation>请使用类似 qwen2.5:7b、user/model 或 hf.co/user/repo 的名称（也可以用镜像主机：host:port/namespace/model:tag）。</translation>
    </message>
    <message>
        <source>Ollama is not running at {host}.</source>
        <translation>Ollama 没有在 {host} 运行。</translation>
    </message>
    <message>
        <source>Start Ollama, then try again.</source>
        <translation>请启动 Ollama，然后重试。</translation>
    </message>
    <message>
        <source>Ollama refused ({name}): {reason}</source>
        <translation>Ollama 拒绝了（{name}）：{reason}</translation>
    </message>
    <message>
        <source>Not enough free disk space for {name}: it needs {needed}, {free} free.</source>
        <translation>磁盘空间不足，无法下载 {name}：需要 {needed}，可用 {free}。</translation>
    </message>
    <message>
        <source>Free some space (or delete a model you no longer use), or set OLLAMA_MODELS to a larger disk and restart Ollama.</source>
        <translation>请释放一些空间（或删除不再使用的模型），或把 OLLAMA_MODELS 设到更大的磁盘并重启 Ollama。</translation>
    </message>
    <message>
        <source>The download of {name} stopped making progress and {tries} attempts did not get it going again.</source>
        <translation>{name} 的下载停滞不前，{tries} 次尝试都未能恢复。</translation>
    </message>
    <message>
        <source>Check the network connection (or try a mirror), then download again: it continues where it stopped. Last problem: {reason}</source>
        <translation>请检查网络连接（或换用镜像），然后重新下载：会从中断处继续。最后的问题：{reason}</translation>
    </message>
    <message>
        <source>stalled; retrying in {seconds:.0f} s</source>
        <translation>停滞；{seconds:.0f} 秒后重试</translation>
    </message>
    <message>
        <source>no progress for {seconds:.0f} s</source>
        <translation>{seconds:.0f} 秒没有进展</translation>
    </message>
    <message>
        <source>the connection closed early</source>
        <translation>连接过早关闭</translation>
    </message>
    <message>
        <source>Ollama could not download {name}: {reason}</source>
        <translation>Ollama 无法下载 {name}：{reason}</translation>
    </message>
    <message>
        <source>Check the name (and the mirror, if you use one). Downloading again continues where it stopped.</source>
        <translation>请检查名称（如使用镜像，也请检查镜像）。重新下载会从中断处继续。</translation>
    </message>
    <message>
        <source>Start Ollama, then download again.</source>
        <translation>请启动 Ollama，然后重新下载。</translation>
    </message>
    <message>
        <source>Ollama library (registry.ollama.ai)</source>
        <translation>Ollama 模型库（registry.ollama.ai）</translation>
    </message>
    <message>
        <source>ModelScope (modelscope.cn, fast in China)</source>
        <translation>魔搭 ModelScope（modelscope.cn，国内速度快）</translation>
    </message>
    <message>
        <source>Hugging Face (hf.co)</source>
        <translation>Hugging Face（hf.co）</translation>
    </message>
    <message>
        <source>catalog of {date}</source>
        <translation>{date} 的目录</translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Model library</source>
        <translation>模型库</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>Downloads</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>已安装</translation>
    </message>
</context>
<context>
    <name>LibraryFeature</name>
    <message>
        <source>Model library…</source>
        <translation>模型库…</translation>
    </message>
</context>
<context>
    <name>MachinePanel</name>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Measuring…</source>
        <translation>测量中…</translation>
    </message>
    <message>
        <source>Could not measure this machine: {error}</source>
        <translation>无法测量本机：{error}</translation>
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
        <translation>节省报告…</translation>
    </message>
    <message>
        <source>Break-even calculator…</source>
        <translation>回本计算器…</translation>
    </message>
    <message>
        <source>Savings settings…</source>
        <translation>节省设置…</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export conversation…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import conversation…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>对话(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;System prompt…</source>
        <translation>系统提示词(&amp;S)…</translation>
    </message>
    <message>
        <source>Send to &amp;cloud…</source>
        <translation>发送到云端(&amp;C)…</translation>
    </message>
    <message>
        <source>Return to &amp;local</source>
        <translation>回到本地(&amp;L)</translation>
    </message>
    <message>
        <source>S&amp;top reply</source>
        <translation>停止回复(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refresh model list</source>
        <translation>刷新模型列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Hearth</source>
        <translation>关于 Hearth(&amp;A)</translation>
    </message>
    <message>
        <source>Connecting to Ollama…</source>
        <translation>正在连接 Ollama…</translation>
    </message>
    <message>
        <source>Hearth closed unexpectedly while opening a conversation last time, so it was not reopened. Choose it in the list to try again.</source>
        <translation>上次 Hearth 在打开一个对话时意外关闭，因此这次没有自动重新打开它。可在列表中选择它再试一次。</translation>
    </message>
    <message>
        <source>Ollama {version} · {count} models</source>
        <translation>Ollama {version} · {count} 个模型</translation>
    </message>
    <message>
        <source>Ollama not installed</source>
        <translation>未安装 Ollama</translation>
    </message>
    <message>
        <source>Ollama not running</source>
        <translation>Ollama 未运行</translation>
    </message>
    <message>
        <source>Ollama has no models</source>
        <translation>Ollama 没有模型</translation>
    </message>
    <message>
        <source>{engines} · {count} models</source>
        <translation>{engines} · {count} 个模型</translation>
    </message>
    <message>
        <source>Something went wrong: {error} (details in the log)</source>
        <translation>出了点问题：{error}（详情见日志）</translation>
    </message>
    <message>
        <source>Could not check Ollama: {error}</source>
        <translation>无法检查 Ollama：{error}</translation>
    </message>
    <message>
        <source>Deleted “{title}” — Undo</source>
        <translation>已删除“{title}”——撤销</translation>
    </message>
    <message>
        <source>About Hearth</source>
        <translation>关于 Hearth</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hearth {version}&lt;/b&gt;&lt;p&gt;Chat with local AI, send a conversation to the cloud only when you choose, and see what your hardware saves you.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Hearth {version}&lt;/b&gt;&lt;p&gt;与本地 AI 聊天，只在你选择时把对话发送到云端，并看清你的硬件为你省了多少。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Quit Hearth?</source>
        <translation>退出 Hearth？</translation>
    </message>
    <message>
        <source>A model is still downloading. Quit anyway? You can resume it next time.</source>
        <translation>还有模型正在下载。仍要退出吗？下次可以继续下载。</translation>
    </message>
    <message>
        <source>Search all conversations…</source>
        <translation>搜索所有对话…</translation>
    </message>
    <message>
        <source>Find in conversation…</source>
        <translation>在对话中查找…</translation>
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
        <translation>滚动到最新消息</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this message</source>
        <translation>复制这条消息</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Ask for this reply again</source>
        <translation>重新请求这条回复</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Try this reply again</source>
        <translation>再试一次这条回复</translation>
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
        <translation>正在书写…</translation>
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
        <translation>失败</translation>
    </message>
    <message>
        <source>Image: {alt}</source>
        <translation>图片：{alt}</translation>
    </message>
    <message>
        <source>Image not shown: {alt} ({size} KB)</source>
        <translation>未显示图片：{alt}（{size} KB）</translation>
    </message>
    <message>
        <source>Show the whole line ({count} characters)</source>
        <translation>显示整行（{count} 个字符）</translation>
    </message>
    <message>
        <source>Nested too deeply to lay out; shown as written:</source>
        <translation>嵌套层级过深，无法排版；按原文显示：</translation>
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
        <translation>（已加载）</translation>
    </message>
    <message>
        <source>{model} on {engine} at {address}</source>
        <translation>{engine}（{address}）上的 {model}</translation>
    </message>
    <message>
        <source>Runs with a context of {tokens} tokens.</source>
        <translation>以 {tokens} 个 token 的上下文运行。</translation>
    </message>
    <message>
        <source>Understands images.</source>
        <translation>能理解图片。</translation>
    </message>
    <message>
        <source>No local model found</source>
        <translation>没有找到本地模型</translation>
    </message>
</context>
<context>
    <name>ModelsCommand</name>
    <message>
        <source>list installed models and whether they fit</source>
        <translation>列出已安装的模型及其是否适合本机</translation>
    </message>
    <message>
        <source>List the models Ollama has, with size, date, what is loaded, and how well each runs on this machine.</source>
        <translation>列出 Ollama 中的模型，包括大小、日期、已加载的模型，以及每个模型在本机上的运行情况。</translation>
    </message>
    <message>
        <source>Ollama server URL</source>
        <translation>Ollama 服务器 URL</translation>
    </message>
    <message>
        <source>list the recommended models instead</source>
        <translation>改为列出推荐的模型</translation>
    </message>
    <message>
        <source>with --catalog: only models for this use</source>
        <translation>与 --catalog 一起使用：只列出适合此用途的模型</translation>
    </message>
    <message>
        <source>also look for a local server at this address</source>
        <translation>同时在这个地址查找本地服务器</translation>
    </message>
    <message>
        <source>with --catalog: read exact sizes from the registry</source>
        <translation>与 --catalog 一起使用：从模型仓库读取精确大小</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>MODIFIED</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>LOADED</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>FIT</source>
        <translation>适配</translation>
    </message>
    <message>
        <source>yes, {vram} VRAM</source>
        <translation>是，显存 {vram}</translation>
    </message>
    <message>
        <source>ENGINE</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>ADDRESS</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>CONTEXT</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>PARAMETERS</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>DOWNLOAD</source>
        <translation>下载大小</translation>
    </message>
    <message>
        <source>USES</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Sizes of {count} models read from the registry now.</source>
        <translation>已从模型仓库读取 {count} 个模型的大小。</translation>
    </message>
    <message>
        <source>Sizes from the Ollama library, compiled {date}.</source>
        <translation>大小取自 Ollama 模型库，整理于 {date}。</translation>
    </message>
    <message>
        <source>Ollama is not running at {host}.</source>
        <translation>{host} 上没有运行 Ollama。</translation>
    </message>
    <message>
        <source>No models installed yet. Try: hearth models --catalog</source>
        <translation>还没有安装模型。试试：hearth models --catalog</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Model library…</source>
        <translation>模型库…</translation>
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
        <translation>“{text}”在这里有歧义：你指的是 {options}？</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 还是 </translation>
    </message>
    <message>
        <source>Numbers are read with “{mark}” as the decimal mark.</source>
        <translation>数字按“{mark}”作为小数点读取。</translation>
    </message>
    <message>
        <source>“{text}” could mean {grouped} or {decimal}, so it was not used.</source>
        <translation>“{text}”可能是 {grouped}，也可能是 {decimal}，因此未被采用。</translation>
    </message>
    <message>
        <source>Write {grouped} without a separator, or {decimal}0 if you mean the smaller one.</source>
        <translation>请写成不带分隔符的 {grouped}；如果指的是较小的那个数，请写成 {decimal}0。</translation>
    </message>
    <message>
        <source>“{text}” must be a whole number.</source>
        <translation>“{text}”必须是整数。</translation>
    </message>
    <message>
        <source>“{text}” is not a number.</source>
        <translation>“{text}”不是数字。</translation>
    </message>
</context>
<context>
    <name>Ollama</name>
    <message>
        <source>Ollama is not running at {host}. Start Ollama, or install it from https://ollama.com/download.</source>
        <translation>Ollama 没有在 {host} 运行。请启动 Ollama，或从 https://ollama.com/download 安装。</translation>
    </message>
    <message>
        <source>Ollama at {host} did not answer in time.</source>
        <translation>位于 {host} 的 Ollama 未能及时响应。</translation>
    </message>
    <message>
        <source>The connection to Ollama broke off: {detail}</source>
        <translation>与 Ollama 的连接中断了：{detail}</translation>
    </message>
    <message>
        <source>Ollama sent a reply Hearth could not read: {detail}</source>
        <translation>Ollama 发来了 Hearth 无法读取的回复：{detail}</translation>
    </message>
    <message>
        <source>The model {model} is not installed in Ollama ({error}).</source>
        <translation>Ollama 中没有安装模型 {model}（{error}）。</translation>
    </message>
    <message>
        <source>Ollama ended the reply before it was finished.</source>
        <translation>Ollama 在回复完成前结束了回复。</translation>
    </message>
    <message>
        <source>Ollama is not installed on this computer.</source>
        <translation>这台电脑上没有安装 Ollama。</translation>
    </message>
    <message>
        <source>Ollama is not running at {host}.</source>
        <translation>Ollama 没有在 {host} 运行。</translation>
    </message>
    <message>
        <source>Ollama {version} is running but has no models yet.</source>
        <translation>Ollama {version} 正在运行，但还没有模型。</translation>
    </message>
    <message>
        <source>Ollama {version} is running with {count} model(s).</source>
        <translation>Ollama {version} 正在运行，有 {count} 个模型。</translation>
    </message>
    <message>
        <source>Its output is in {path}.</source>
        <translation>它的输出在 {path}。</translation>
    </message>
    <message>
        <source>Hearth could not start Ollama ({program}).</source>
        <translation>Hearth 无法启动 Ollama（{program}）。</translation>
    </message>
    <message>
        <source>Ollama stopped right after starting (exit code {code}).</source>
        <translation>Ollama 启动后立即停止了（退出码 {code}）。</translation>
    </message>
    <message>
        <source>Ollama did not start within {seconds} seconds at {host}.</source>
        <translation>Ollama 未能在 {seconds} 秒内于 {host} 启动。</translation>
    </message>
    <message>
        <source>Download Ollama from {url}, open the installer, then start Ollama.</source>
        <translation>从 {url} 下载 Ollama，打开安装程序，然后启动 Ollama。</translation>
    </message>
    <message>
        <source>Install Ollama by running this in a terminal: {command}</source>
        <translation>在终端中运行以下命令安装 Ollama：{command}</translation>
    </message>
</context>
<context>
    <name>OllamaPanel</name>
    <message>
        <source>Start Ollama</source>
        <translation>启动 Ollama</translation>
    </message>
    <message>
        <source>Open the model library</source>
        <translation>打开模型库</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <source>Or use another local server</source>
        <translation>或者使用其他本地服务器</translation>
    </message>
    <message>
        <source>Hearth looks for LM Studio, llama.cpp, Jan, vLLM and text-generation-webui on their usual ports. If yours runs elsewhere, enter its address:</source>
        <translation>Hearth 会在常用端口上查找 LM Studio、llama.cpp、Jan、vLLM 和 text-generation-webui。如果你的服务器在别的地址，请输入：</translation>
    </message>
    <message>
        <source>Use this server</source>
        <translation>使用这个服务器</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address.</source>
        <translation>请输入服务器地址。</translation>
    </message>
    <message>
        <source>Ollama is not installed</source>
        <translation>未安装 Ollama</translation>
    </message>
    <message>
        <source>Hearth chats with models that run on your own machine. The easiest way is Ollama: install it, then press Retry.</source>
        <translation>Hearth 与在你自己电脑上运行的模型聊天。最简单的方式是 Ollama：安装后按“重试”。</translation>
    </message>
    <message>
        <source>Ollama is not running</source>
        <translation>Ollama 未运行</translation>
    </message>
    <message>
        <source>Ollama is installed but nothing answers at {host}.</source>
        <translation>Ollama 已安装，但 {host} 上没有响应。</translation>
    </message>
    <message>
        <source>No models yet</source>
        <translation>还没有模型</translation>
    </message>
    <message>
        <source>Ollama is running at {host} but has no models. Download one from the model library, or in a terminal:</source>
        <translation>Ollama 正在 {host} 运行，但没有模型。请从模型库下载一个，或在终端中运行：</translation>
    </message>
    <message>
        <source>Starting Ollama…</source>
        <translation>正在启动 Ollama…</translation>
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
        <translation>请填写 {low} 到 {high} 之间的数字。</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>use a number above 0 and at most 1.</source>
        <translation>请填写大于 0 且不超过 1 的数字。</translation>
    </message>
    <message>
        <source>use a whole number from 0 to {high}.</source>
        <translation>请填写 0 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>上下文长度</translation>
    </message>
</context>
<context>
    <name>Outbound</name>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Message {number}</source>
        <translation>第 {number} 条消息</translation>
    </message>
    <message>
        <source>hearth: {count} possibly private items would leave this computer. {where}</source>
        <translation>hearth：{count} 项可能的隐私内容将离开本机。{where}</translation>
    </message>
    <message>
        <source>Nothing was sent. Run again with --redact to send with these replaced by labels such as [EMAIL], or --send-anyway to send them as written.</source>
        <translation>没有发送任何内容。加上 --redact 重新运行，会把这些内容替换为 [EMAIL] 之类的标签后发送；或加上 --send-anyway 按原文发送。</translation>
    </message>
</context>
<context>
    <name>OutboundDialog</name>
    <message>
        <source>Check before sending</source>
        <translation>发送前检查</translation>
    </message>
    <message>
        <source>{count} possibly private items would leave this computer. “Redact and send” replaces each with a label such as [EMAIL] (images are left out) in what is sent; your conversation keeps your words.</source>
        <translation>{count} 项可能的隐私内容将离开本机。“脱敏后发送”会在发送的内容中把每一项替换为 [EMAIL] 之类的标签（图片不发送）；你的对话保留原文。</translation>
    </message>
    <message>
        <source>Don&apos;t ask again in this conversation for these items</source>
        <translation>在此对话中不再询问这些项目</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Redact and send</source>
        <translation>脱敏后发送</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
</context>
<context>
    <name>Paths</name>
    <message>
        <source>Hearth cannot use its data folder {folder}: {reason}.</source>
        <translation>Hearth 无法使用其数据文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <source>Make the folder writable (or free space on its disk), or choose another folder by setting HEARTH_DATA_DIR, then start Hearth again.</source>
        <translation>请让该文件夹可写（或释放其所在磁盘的空间），或通过设置 HEARTH_DATA_DIR 选择其他文件夹，然后重新启动 Hearth。</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁盘为只读</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>a file is in the way where a folder should be</source>
        <translation>该位置是一个文件，而不是文件夹</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>the path cannot be created</source>
        <translation>无法创建该路径</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
</context>
<context>
    <name>PreferencesFeature</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>PriceEditor</name>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD (empty: always)</source>
        <translation>自 YYYY-MM-DD 起（留空：始终）</translation>
    </message>
    <message>
        <source>Save price</source>
        <translation>保存价格</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>Enter a price per million input or output tokens.</source>
        <translation>请输入每百万输入或输出 tokens 的价格。</translation>
    </message>
    <message>
        <source>A price must not be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>Write the date as YYYY-MM-DD, or leave it empty.</source>
        <translation>请按 YYYY-MM-DD 填写日期，或留空。</translation>
    </message>
    <message>
        <source>No price of yours: Hearth&apos;s price table and genai-prices apply.</source>
        <translation>你尚未设定价格：使用 Hearth 价格表和 genai-prices。</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>所有模型</translation>
    </message>
    <message>
        <source>always</source>
        <translation>始终</translation>
    </message>
    <message>
        <source>%1: %2 in / %3 out per million tokens, from %4</source>
        <translation>%1：每百万 tokens 输入 %2 / 输出 %3，自 %4 起</translation>
    </message>
</context>
<context>
    <name>Pricing</name>
    <message>
        <source>local: no API cost</source>
        <translation>本地：无 API 费用</translation>
    </message>
    <message>
        <source>Enter your price per million tokens for {model} in Tools → API keys.</source>
        <translation>请在“工具 → API 密钥”中输入 {model} 每百万 tokens 的价格。</translation>
    </message>
    <message>
        <source>No published price is known for {provider} / {model}.</source>
        <translation>{provider} / {model} 没有已知的公开价格。</translation>
    </message>
    <message>
        <source>Enter a price per million tokens in Settings.</source>
        <translation>请在设置中填写每百万 token 的价格。</translation>
    </message>
    <message>
        <source>your price for {provider} {model} from {date}</source>
        <translation>你为 {provider} {model} 设定的价格（自 {date} 起）</translation>
    </message>
    <message>
        <source>Hearth price table: {provider} {model} ({url}, a secondary source)</source>
        <translation>Hearth 价格表：{provider} {model}（{url}，二手来源）</translation>
    </message>
    <message>
        <source>Hearth price table: {provider} {model} ({url})</source>
        <translation>Hearth 价格表：{provider} {model}（{url}）</translation>
    </message>
    <message>
        <source>ran off this computer (an Ollama cloud model or another server): price unknown</source>
        <translation>不是在本机运行（Ollama 云端模型或其他服务器）：价格未知</translation>
    </message>
    <message>
        <source>Billed nothing: no reply came back ({reason}).</source>
        <translation>未计费：没有收到任何回复（{reason}）。</translation>
    </message>
    <message>
        <source>Estimated from Hearth&apos;s token count (no usage report): {source}</source>
        <translation>按 Hearth 的 token 计数估算（没有用量报告）：{source}</translation>
    </message>
    <message>
        <source>The list of your prices could not be read.</source>
        <translation>无法读取你的价格列表。</translation>
    </message>
    <message>
        <source>your price</source>
        <translation>你的价格</translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>API key or token</source>
        <translation>API 密钥或令牌</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Bank card number</source>
        <translation>银行卡号</translation>
    </message>
    <message>
        <source>E-mail address</source>
        <translation>电子邮箱地址</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>IP address</source>
        <translation>IP 地址</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>An attached image ({size} KB): Hearth cannot read it.</source>
        <translation>附加的图片（{size} KB）：Hearth 无法读取其内容。</translation>
    </message>
    <message>
        <source>Local-only mode is on, so Hearth sends nothing off this computer. {where} Turn local-only mode off, or choose a model that runs here.</source>
        <translation>仅本地模式已开启，Hearth 不会向本机以外发送任何内容。{where} 请关闭仅本地模式，或选择在本机运行的模型。</translation>
    </message>
    <message>
        <source>[{count} image(s) not sent]</source>
        <translation>[{count} 张图片未发送]</translation>
    </message>
    <message>
        <source>Sent with {items} replaced, as:</source>
        <translation>已替换{items}后发送，发送内容为：</translation>
    </message>
    <message>
        <source>{count} image(s) were not sent.</source>
        <translation>{count} 张图片未发送。</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Cloud providers are used only when you send a conversation there; their keys stay in the system keyring.</source>
        <translation>只有当你把对话发送到云服务商时才会使用它们；密钥只保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>API keys and prices…</source>
        <translation>API 密钥和价格…</translation>
    </message>
    <message>
        <source>Privacy and cloud</source>
        <translation>隐私与云端</translation>
    </message>
</context>
<context>
    <name>PullCommand</name>
    <message>
        <source>download a model into Ollama</source>
        <translation>把模型下载到 Ollama</translation>
    </message>
    <message>
        <source>Download a model by name: qwen2.5:7b, user/model, hf.co/user/repo, or host:port/namespace/model:tag for a mirror.</source>
        <translation>按名称下载模型：qwen2.5:7b、user/model、hf.co/user/repo，或镜像的 host:port/namespace/model:tag。</translation>
    </message>
    <message>
        <source>the model to download</source>
        <translation>要下载的模型</translation>
    </message>
    <message>
        <source>Ollama server URL</source>
        <translation>Ollama 服务器 URL</translation>
    </message>
    <message>
        <source>allow a registry without HTTPS (a local mirror)</source>
        <translation>允许不使用 HTTPS 的仓库（本地镜像）</translation>
    </message>
    <message>
        <source>for a catalog model: download from the Ollama library, ModelScope or Hugging Face (default: the setting in Hearth)</source>
        <translation>目录中的模型：从 Ollama 模型库、魔搭 ModelScope 或 Hugging Face 下载（默认：Hearth 中的设置）</translation>
    </message>
    <message>
        <source>retry when no progress is made for this long</source>
        <translation>在这么长时间没有进展时重试</translation>
    </message>
    <message>
        <source>{source} has no copy of {name}; using the Ollama library.</source>
        <translation>{source} 上没有 {name} 的副本，改用 Ollama 模型库。</translation>
    </message>
    <message>
        <source>Downloading {name} from {host}</source>
        <translation>正在从 {host} 下载 {name}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Stopped. Run “hearth pull {name}” again to continue where it stopped.</source>
        <translation>已停止。再次运行“hearth pull {name}”即可从中断处继续。</translation>
    </message>
    <message>
        <source>{name} is ready.</source>
        <translation>{name} 已就绪。</translation>
    </message>
</context>
<context>
    <name>QuickAskWindow</name>
    <message>
        <source>Quick ask</source>
        <translation>快速提问</translation>
    </message>
    <message>
        <source>Ask anything, then press Enter</source>
        <translation>随便问点什么，然后按回车</translation>
    </message>
    <message>
        <source>Open in Hearth</source>
        <translation>在 Hearth 中打开</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新问题</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Hide quick ask</source>
        <translation>隐藏快速提问</translation>
    </message>
    <message>
        <source>Model: {model}</source>
        <translation>模型：{model}</translation>
    </message>
    <message>
        <source>No model chosen</source>
        <translation>尚未选择模型</translation>
    </message>
    <message>
        <source>Choose a model in the main window first; your question is kept here.</source>
        <translation>请先在主窗口中选择模型；你的问题会保留在这里。</translation>
    </message>
    <message>
        <source>Asking {model}…</source>
        <translation>正在询问 {model}…</translation>
    </message>
    <message>
        <source>Not sent.</source>
        <translation>未发送。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>Saved as a conversation.</source>
        <translation>已保存为对话。</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>出错了：{error}</translation>
    </message>
</context>
<context>
    <name>ReplyDetailsLine</name>
    <message>
        <source>Interrupted: Hearth closed before the reply ended</source>
        <translation>已中断：回复结束前 Hearth 已关闭</translation>
    </message>
    <message>
        <source>Nothing was recorded for this reply: no tokens, time or cost.</source>
        <translation>这条回复没有任何记录：没有 token 数、用时或费用。</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>price unknown</source>
        <translation>价格未知</translation>
    </message>
    <message>
        <source>cost {amount}</source>
        <translation>花费 {amount}</translation>
    </message>
    <message>
        <source>{amount} more than the cloud</source>
        <translation>比云端多花 {amount}</translation>
    </message>
    <message>
        <source>saved {amount}</source>
        <translation>节省 {amount}</translation>
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
        <translation>{input} → {output} 个 token</translation>
    </message>
    <message>
        <source>{rate} tokens/s</source>
        <translation>{rate} token/秒</translation>
    </message>
    <message>
        <source>first token {time}</source>
        <translation>首个 token {time}</translation>
    </message>
    <message>
        <source>on this computer</source>
        <translation>在本机</translation>
    </message>
    <message>
        <source>cloud</source>
        <translation>云端</translation>
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
        <translation>完成于</translation>
    </message>
    <message>
        <source>Tokens in</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <source>Whole context (estimated)</source>
        <translation>完整上下文（估算）</translation>
    </message>
    <message>
        <source>Tokens out</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>First token after</source>
        <translation>首个 token 用时</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>总用时</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>The cloud would have charged</source>
        <translation>云端本会收费</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>节省</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Savings report</source>
        <translation>节省报告</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export HTML…</source>
        <translation>导出 HTML…</translation>
    </message>
    <message>
        <source>&lt;b&gt;How this is computed&lt;/b&gt;</source>
        <translation>&lt;b&gt;计算方法&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Local replies</source>
        <translation>本地回复</translation>
    </message>
    <message>
        <source>Cloud replies (billed)</source>
        <translation>云端回复（已计费）</translation>
    </message>
    <message>
        <source>Failed attempts (billed nothing)</source>
        <translation>失败的尝试（未计费）</translation>
    </message>
    <message>
        <source>Local tokens (input / output)</source>
        <translation>本地 tokens（输入 / 输出）</translation>
    </message>
    <message>
        <source>Cloud tokens (input / output)</source>
        <translation>云端 tokens（输入 / 输出）</translation>
    </message>
    <message>
        <source>All-cloud baseline</source>
        <translation>全云端基准</translation>
    </message>
    <message>
        <source>Cloud spend</source>
        <translation>云端花费</translation>
    </message>
    <message>
        <source>Electricity</source>
        <translation>电费</translation>
    </message>
    <message>
        <source>Hardware amortization</source>
        <translation>硬件摊销</translation>
    </message>
    <message>
        <source>Net saved</source>
        <translation>净节省</translation>
    </message>
    <message>
        <source>Cumulative saved</source>
        <translation>累计节省</translation>
    </message>
    <message>
        <source>Payback</source>
        <translation>回本进度</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <source>The report could not be computed: %1</source>
        <translation>无法计算报告：%1</translation>
    </message>
    <message>
        <source>Amounts in %1.</source>
        <translation>金额单位：%1。</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
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
        <translation>货币、汇率、电价、硬件成本，以及用来衡量节省金额的云端模型。</translation>
    </message>
    <message>
        <source>Savings settings…</source>
        <translation>节省设置…</translation>
    </message>
    <message>
        <source>Savings</source>
        <translation>节省</translation>
    </message>
</context>
<context>
    <name>SavingsTally</name>
    <message>
        <source>Saved this month: …</source>
        <translation>本月节省：…</translation>
    </message>
    <message>
        <source>What local AI saved you this month. Click for the report.</source>
        <translation>本地 AI 本月为你节省的金额。点击查看报告。</translation>
    </message>
    <message>
        <source>Saved this month: %1</source>
        <translation>本月节省：%1</translation>
    </message>
    <message>
        <source>Saved this month: unavailable</source>
        <translation>本月节省：不可用</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>search every conversation</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Search message text and conversation titles (Chinese included) and print each match: conversation, time and a snippet. Exit status 1 when nothing is found.</source>
        <translation>搜索消息内容和对话标题（包括中文），并打印每个匹配：对话、时间和摘要。找不到时退出状态为 1。</translation>
    </message>
    <message>
        <source>what to look for</source>
        <translation>要查找的内容</translation>
    </message>
    <message>
        <source>at most this many messages (default 50)</source>
        <translation>最多显示这么多条消息（默认 50）</translation>
    </message>
    <message>
        <source>print JSON lines</source>
        <translation>输出 JSON 行</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>没有找到“{text}”。</translation>
    </message>
    <message>
        <source>conversation {id}</source>
        <translation>对话 {id}</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>message {id}</source>
        <translation>消息 {id}</translation>
    </message>
    <message>
        <source>Only the newest messages were searched: add a longer word (3 characters or more) to search them all.</source>
        <translation>只搜索了最新的消息：加上一个更长的词（3 个字符或以上）即可搜索全部。</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search all conversations</source>
        <translation>搜索所有对话</translation>
    </message>
    <message>
        <source>Search messages and titles (中文 too)</source>
        <translation>搜索消息和标题（支持中文）</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>没有找到。</translation>
    </message>
    <message>
        <source>1 match.</source>
        <translation>1 个匹配。</translation>
    </message>
    <message>
        <source>{count} matches, newest first.</source>
        <translation>{count} 个匹配，最新的在前。</translation>
    </message>
    <message>
        <source>Only the newest messages were searched for words of one or two characters; add a longer word to search them all.</source>
        <translation>一两个字的词只在最新的消息中搜索；加上一个更长的词即可搜索全部。</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Search failed: {error}</source>
        <translation>搜索失败：{error}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Enter a URL that starts with http:// or https://.</source>
        <translation>请输入以 http:// 或 https:// 开头的 URL。</translation>
    </message>
    <message>
        <source>Enter a URL with a host and, if you give a port, a number from 1 to 65535 (for example http://127.0.0.1:1234/v1).</source>
        <translation>请输入包含主机的 URL；如果填写端口，须为 1 到 65535 之间的数字（例如 http://127.0.0.1:1234/v1）。</translation>
    </message>
    <message>
        <source>Must not be negative.</source>
        <translation>不能为负数。</translation>
    </message>
    <message>
        <source>Must be greater than zero.</source>
        <translation>必须大于零。</translation>
    </message>
    <message>
        <source>“{label}” cannot be set to {value}.</source>
        <translation>“{label}”不能设为 {value}。</translation>
    </message>
    <message>
        <source>“{label}”: {problem}</source>
        <translation>“{label}”：{problem}</translation>
    </message>
    <message>
        <source>Could not save settings to {path}: {reason}</source>
        <translation>无法把设置保存到 {path}：{reason}</translation>
    </message>
    <message>
        <source>Last open conversation</source>
        <translation>上次打开的对话</translation>
    </message>
    <message>
        <source>Last used model</source>
        <translation>上次使用的模型</translation>
    </message>
    <message>
        <source>Window geometry</source>
        <translation>窗口位置和大小</translation>
    </message>
    <message>
        <source>Sidebar width</source>
        <translation>侧栏宽度</translation>
    </message>
    <message>
        <source>Local-only mode: never contact a cloud service</source>
        <translation>仅本地模式：从不联系云服务</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <source>Exchange rate (units of your currency per US dollar)</source>
        <translation>汇率（每美元兑换你的货币数）</translation>
    </message>
    <message>
        <source>Baseline cloud model (PROVIDER:MODEL)</source>
        <translation>基准云端模型（服务商:模型）</translation>
    </message>
    <message>
        <source>Model the baseline provider&apos;s prompt-cache discount</source>
        <translation>计入基准服务商的提示词缓存折扣</translation>
    </message>
    <message>
        <source>Electricity price per kWh</source>
        <translation>每千瓦时电价</translation>
    </message>
    <message>
        <source>Power while generating, in watts (when it cannot be measured)</source>
        <translation>生成时的功率，单位瓦（无法实测时使用）</translation>
    </message>
    <message>
        <source>Hardware cost</source>
        <translation>硬件成本</translation>
    </message>
    <message>
        <source>Hardware purchase date</source>
        <translation>硬件购买日期</translation>
    </message>
    <message>
        <source>Spread the hardware cost over (months, 0 = off)</source>
        <translation>硬件成本摊销月数（0 = 关闭）</translation>
    </message>
    <message>
        <source>Days per month (calculator)</source>
        <translation>每月天数（计算器）</translation>
    </message>
    <message>
        <source>Base URL for Anthropic</source>
        <translation>Anthropic 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for OpenAI</source>
        <translation>OpenAI 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for DeepSeek</source>
        <translation>DeepSeek 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Zhipu GLM (bigmodel.cn)</source>
        <translation>智谱 GLM（bigmodel.cn）的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Z.ai GLM</source>
        <translation>Z.ai GLM 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Alibaba Qwen (DashScope)</source>
        <translation>阿里通义千问（DashScope）的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Volcano Engine Ark (Doubao)</source>
        <translation>火山引擎方舟（豆包）的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Moonshot Kimi</source>
        <translation>月之暗面 Kimi 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for OpenRouter</source>
        <translation>OpenRouter 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Custom (OpenAI-compatible)</source>
        <translation>自定义（OpenAI 兼容）的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for LM Studio</source>
        <translation>LM Studio 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for llama.cpp server</source>
        <translation>llama.cpp 服务器的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for Jan</source>
        <translation>Jan 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for vLLM</source>
        <translation>vLLM 的基础 URL</translation>
    </message>
    <message>
        <source>Base URL for text-generation-webui</source>
        <translation>text-generation-webui 的基础 URL</translation>
    </message>
    <message>
        <source>Last cloud provider</source>
        <translation>上次使用的云服务商</translation>
    </message>
    <message>
        <source>Last cloud model</source>
        <translation>上次使用的云端模型</translation>
    </message>
    <message>
        <source>Your prices per model (JSON list)</source>
        <translation>你为各模型设定的价格（JSON 列表）</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Other local servers (one address a line)</source>
        <translation>其他本地服务器（每行一个地址）</translation>
    </message>
    <message>
        <source>Download models from</source>
        <translation>模型下载来源</translation>
    </message>
    <message>
        <source>Closing the window keeps Hearth in the tray</source>
        <translation>关闭窗口时让 Hearth 留在托盘中</translation>
    </message>
    <message>
        <source>Told where Hearth went</source>
        <translation>已告知 Hearth 的去向</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>System prompt for new conversations</source>
        <translation>新对话的系统提示词</translation>
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
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>ollama</source>
        <translation>Ollama 模型库</translation>
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
        <translation>系统提示词最多 {limit} 个字符（当前：{count}）。</translation>
    </message>
    <message>
        <source>Not one of the choices.</source>
        <translation>不是可选的选项之一。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>ShortcutsFeature</name>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Hearth recovered your database</source>
        <translation>Hearth 已恢复你的数据库</translation>
    </message>
    <message>
        <source>Hearth cannot start</source>
        <translation>Hearth 无法启动</translation>
    </message>
    <message>
        <source>Hearth cannot open its database</source>
        <translation>Hearth 无法打开它的数据库</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The database at {path} was written by a newer version of Hearth (schema {found}, this version understands {known}).</source>
        <translation>位于 {path} 的数据库由较新版本的 Hearth 写入（架构版本 {found}，此版本支持 {known}）。</translation>
    </message>
    <message>
        <source>Update Hearth, or set HEARTH_DATA_DIR to use another folder.</source>
        <translation>请更新 Hearth，或设置 HEARTH_DATA_DIR 以使用另一个文件夹。</translation>
    </message>
    <message>
        <source>The disk holding {path} is full.</source>
        <translation>存放 {path} 的磁盘已满。</translation>
    </message>
    <message>
        <source>Free some space on that disk; everything saved before is safe.</source>
        <translation>请在该磁盘上释放一些空间；之前保存的内容都安然无恙。</translation>
    </message>
    <message>
        <source>Hearth cannot write to {path}.</source>
        <translation>Hearth 无法写入 {path}。</translation>
    </message>
    <message>
        <source>Check the folder&apos;s permissions, or set HEARTH_DATA_DIR.</source>
        <translation>请检查该文件夹的权限，或设置 HEARTH_DATA_DIR。</translation>
    </message>
    <message>
        <source>The database {path} is locked by another program.</source>
        <translation>数据库 {path} 被另一个程序锁定。</translation>
    </message>
    <message>
        <source>Close other copies of Hearth and try again.</source>
        <translation>请关闭其他正在运行的 Hearth 后重试。</translation>
    </message>
    <message>
        <source>The database {path} is damaged.</source>
        <translation>数据库 {path} 已损坏。</translation>
    </message>
    <message>
        <source>Restart Hearth to recover what can be read from it.</source>
        <translation>请重新启动 Hearth，以恢复其中可读取的内容。</translation>
    </message>
    <message>
        <source>The database {path} could not be used.</source>
        <translation>无法使用数据库 {path}。</translation>
    </message>
    <message>
        <source>Hearth cannot create its data folder {path}.</source>
        <translation>Hearth 无法创建数据文件夹 {path}。</translation>
    </message>
    <message>
        <source>Hearth could not set it aside ({reason}). Check the folder {folder}.</source>
        <translation>Hearth 无法将其移到一旁（{reason}）。请检查文件夹 {folder}。</translation>
    </message>
    <message>
        <source>Recovered messages</source>
        <translation>恢复的消息</translation>
    </message>
    <message>
        <source>Hearth&apos;s database {database} was damaged. The damaged file is kept, unchanged, at:
{kept}

What could be read was recovered into a new database: {conversations} conversations, {messages} messages and {usage} usage records.</source>
        <translation>Hearth 的数据库 {database} 已损坏。损坏的文件已原样保留在：
{kept}

可读取的内容已恢复到新的数据库中：{conversations} 个对话、{messages} 条消息和 {usage} 条用量记录。</translation>
    </message>
    <message>
        <source>{count} messages whose conversation was lost are in a conversation named “Recovered messages”.</source>
        <translation>所属对话已丢失的 {count} 条消息放在名为“恢复的消息”的对话中。</translation>
    </message>
    <message>
        <source>Nothing in the damaged file could be read.</source>
        <translation>损坏的文件中没有可读取的内容。</translation>
    </message>
</context>
<context>
    <name>SystemPromptDialog</name>
    <message>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <source>Instructions the model follows throughout this conversation:</source>
        <translation>模型在整个对话中遵循的指示：</translation>
    </message>
    <message>
        <source>Use for new conversations</source>
        <translation>用于新对话</translation>
    </message>
    <message>
        <source>New conversations start with this prompt; existing ones keep their own.</source>
        <translation>新对话以此提示词开始；已有的对话保留各自的提示词。</translation>
    </message>
    <message>
        <source>This new conversation starts with your default prompt.</source>
        <translation>这个新对话以你的默认提示词开始。</translation>
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
        <translation>模型先思考再回答（点击关闭）</translation>
    </message>
    <message>
        <source>The model answers without thinking first (click to turn on)</source>
        <translation>模型不思考直接回答（点击开启）</translation>
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
        <translation>思考过程</translation>
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
        <translation>隐藏思考过程</translation>
    </message>
    <message>
        <source>Show the thinking</source>
        <translation>显示思考过程</translation>
    </message>
</context>
<context>
    <name>TrayFeature</name>
    <message>
        <source>&amp;Quick ask…</source>
        <translation>快速提问(&amp;Q)…</translation>
    </message>
    <message>
        <source>&amp;Show Hearth</source>
        <translation>显示 Hearth(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New conversation</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit Hearth</source>
        <translation>退出 Hearth(&amp;Q)</translation>
    </message>
    <message>
        <source>Hearth</source>
        <translation>Hearth</translation>
    </message>
    <message>
        <source>Hearth is still running</source>
        <translation>Hearth 仍在运行</translation>
    </message>
    <message>
        <source>Hearth keeps running in the tray (the menu bar on macOS) when you close its window. Click its icon to bring the window back, or choose Quit there to quit. You can change this in Preferences.</source>
        <translation>关闭窗口后，Hearth 会继续在托盘（macOS 上为菜单栏）中运行。点击它的图标可以找回窗口，或在那里选择“退出”来退出。你可以在偏好设置中更改此行为。</translation>
    </message>
</context>
<context>
    <name>Validate</name>
    <message>
        <source>The model name is empty.</source>
        <translation>模型名称为空。</translation>
    </message>
    <message>
        <source>The model name is {length} characters long; at most {limit} work.</source>
        <translation>模型名称长 {length} 个字符；最多只能 {limit} 个。</translation>
    </message>
    <message>
        <source>Check that the whole name was pasted only once.</source>
        <translation>请检查名称是否只粘贴了一次。</translation>
    </message>
    <message>
        <source>The model name contains a space or control character (U+{code}).</source>
        <translation>模型名称包含空格或控制字符（U+{code}）。</translation>
    </message>
    <message>
        <source>Model names look like llama3.2 or qwen3:8b.</source>
        <translation>模型名称形如 llama3.2 或 qwen3:8b。</translation>
    </message>
    <message>
        <source>{what} is not a usable server address ({value}): {reason}.</source>
        <translation>{what} 不是可用的服务器地址（{value}）：{reason}。</translation>
    </message>
    <message>
        <source>Use a form like http://127.0.0.1:11434 or http://[::1]:11434.</source>
        <translation>请使用 http://127.0.0.1:11434 或 http://[::1]:11434 这样的格式。</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>the address is malformed</source>
        <translation>地址格式错误</translation>
    </message>
    <message>
        <source>it must start with http:// or https://</source>
        <translation>必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>the host name is missing</source>
        <translation>缺少主机名</translation>
    </message>
</context>
</TS>
